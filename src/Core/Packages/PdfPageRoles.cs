using CaseIngest.Abstractions.Records;

namespace CaseIngest.Core.Packages;

/// <summary>Splits a PDF's pages into ranges by the role each page shows. A page that shows nothing telling (a report's
/// body page, a form's continuation) belongs to the document before it, or after it at the start of the file; a
/// textless page between two pages of one document is a picture of that document, not a signature page.</summary>
public static class PdfPageRoles
{
    /// <summary>The ranges, in page order, of pages whose roles are <paramref name="pages"/> (null: nothing telling).</summary>
    public static IReadOnlyList<PageRange> Split(IReadOnlyList<FileRole?> pages)
    {
        var roles = pages.ToArray();
        for (var i = 0; i < roles.Length; i++)
        {
            if (roles[i] == FileRole.StampPage && i > 0 && i < roles.Length - 1)
            {
                var before = Telling(roles, i, -1);
                var after = Telling(roles, i, +1);
                if (before is not null && before == after && before != FileRole.StampPage)
                {
                    roles[i] = null;
                }
            }
        }

        FileRole? last = null;
        for (var i = 0; i < roles.Length; i++)
        {
            roles[i] ??= last;
            last = roles[i];
        }

        var first = roles.FirstOrDefault(r => r is not null);
        var ranges = new List<PageRange>();
        for (var i = 0; i < roles.Length; i++)
        {
            var role = roles[i] ?? first ?? FileRole.Other;
            if (ranges.Count > 0 && ranges[^1].Role == role)
            {
                ranges[^1] = ranges[^1] with { To = i + 1 };
            }
            else
            {
                ranges.Add(new PageRange(i + 1, i + 1, role));
            }
        }

        return ranges;
    }

    /// <summary>The nearest page role other than a scan's, looking from <paramref name="index"/> in <paramref name="step"/>.</summary>
    private static FileRole? Telling(FileRole?[] roles, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < roles.Length; i += step)
        {
            if (roles[i] is { } role && role != FileRole.StampPage)
            {
                return role;
            }
        }

        return null;
    }
}
