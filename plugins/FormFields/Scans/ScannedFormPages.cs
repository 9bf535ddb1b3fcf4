using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Plugins.FormFields.Scans;

/// <summary>
/// Records in <c>record.files</c> that a scan holds the form. The host files every scan as a signature page (it cannot
/// read one); a signed form scan is both, so the form's pages join the signature pages as a range of their own, and a
/// file that is all form becomes role form. The host's missing_document check reads the files after the plugins.
/// </summary>
internal static class ScannedFormPages
{
    public static void Claim(CaseRecord record, PackageFile file, IReadOnlySet<int> formPages, int pagesLookedAt)
    {
        var entry = record.Files.FirstOrDefault(f => f.Name == file.Name);
        if (entry is null || formPages.Count == 0)
        {
            return;
        }

        var ranges = entry.Pages ?? [new PageRange(1, Math.Max(pagesLookedAt, formPages.Max()), entry.Role)];
        var formRanges = Runs(formPages).Select(r => new PageRange(r.From, r.To, FileRole.Form)).ToList();
        entry.Pages = ranges.Concat(formRanges).OrderBy(r => r.From).ThenBy(r => r.Role == FileRole.Form ? 0 : 1).ToList();
        // The main role is the one with the most pages; the form wins a tie with the signature pages it carries.
        entry.Role = entry.Pages.GroupBy(r => r.Role)
            .Select(g => (Role: g.Key, Pages: g.Sum(r => r.To - r.From + 1)))
            .OrderByDescending(g => g.Pages).ThenBy(g => g.Role == FileRole.Form ? 0 : 1)
            .First().Role;
    }

    private static IEnumerable<(int From, int To)> Runs(IReadOnlySet<int> pages)
    {
        var ordered = pages.Order().ToList();
        var from = ordered[0];
        for (var i = 1; i <= ordered.Count; i++)
        {
            if (i == ordered.Count || ordered[i] != ordered[i - 1] + 1)
            {
                yield return (from, ordered[i - 1]);
                if (i < ordered.Count)
                {
                    from = ordered[i];
                }
            }
        }
    }
}
