using System.Globalization;
using Xunit.Abstractions;

namespace CaseIngest.Plugins.Classification.Tests.Support;

/// <summary>A TextWriter onto the test's output, for the plugin's reports (EvaluationReport) to print into.</summary>
public sealed class TestOutputWriter(ITestOutputHelper output) : StringWriter(CultureInfo.InvariantCulture)
{
    public override void WriteLine(string? value) => output.WriteLine(value ?? "");
}
