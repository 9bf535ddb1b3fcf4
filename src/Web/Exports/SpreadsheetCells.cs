namespace CaseIngest.Web.Exports;

/// <summary>Spreadsheet cells from what packages and people wrote: a text starting with <c>=</c>, <c>+</c>, <c>-</c> or
/// <c>@</c> (or a tab or carriage return) is a formula to Excel and LibreOffice once someone edits the cell or saves the
/// sheet as CSV, so it gets a leading apostrophe and stays text. Every .xlsx export writes its rows through this.</summary>
internal static class SpreadsheetCells
{
    private static readonly char[] s_formulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static List<Dictionary<string, object?>> Neutralise(IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Select(row => row.ToDictionary(cell => cell.Key, cell => Neutralise(cell.Value))).ToList();

    public static object? Neutralise(object? value) =>
        value is string { Length: > 0 } text && s_formulaStarts.Contains(text[0]) ? "'" + text : value;
}
