using System.Text.Json;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Testing;

/// <summary>How the tests of forms read by OCR (#17) count them: against the expected record, the figure printed for the
/// note, nine in ten fields or more asserted. Apart from <see cref="ExpectedForm"/>, which the benchmark links too.</summary>
internal static class ScannedFormFields
{
    /// <summary>For a form read by OCR: prints "<paramref name="label"/> fields right n/total" and each difference (the
    /// figure the note quotes, the count to raise), and asserts that nine in ten fields or more are right.</summary>
    public static void NineInTenRight(string label, JsonElement expected, FormSection? actual, Action<string> print)
    {
        var differences = ExpectedForm.Differences(expected, actual);
        var total = ExpectedForm.FieldCount(expected);
        print($"{label} fields right {total - differences.Count}/{total}");
        print(string.Join("\n", differences));
        Assert.True(differences.Count <= total / 10, string.Join("\n", differences));
    }
}
