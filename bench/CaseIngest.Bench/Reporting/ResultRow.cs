namespace CaseIngest.Bench.Reporting;

/// <summary>One line of the results table.</summary>
/// <param name="Area">e2e, ocr, worker, search, memory.</param>
/// <param name="Measure">What was measured, with its unit.</param>
/// <param name="Value">The figure, formatted.</param>
/// <param name="Target">DESIGN.md's target for it, if it has one.</param>
/// <param name="Note">How it was measured (inputs, settings).</param>
public sealed record ResultRow(string Area, string Measure, string Value, string Target = "", string Note = "");
