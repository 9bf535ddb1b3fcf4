using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Testing;

namespace CaseIngest.Plugins.Classification.Tests.Support;

/// <summary>The five defining passages of 一、征集方向, read from the notice in seeds/ (not from the plugin's own copy).</summary>
public static partial class NoticeDefinitions
{
    public static IReadOnlyDictionary<string, string> Read()
    {
        var notice = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "seeds"), "000_*.txt").Single();
        var passages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(notice))
        {
            var match = Direction().Match(line);
            if (match.Success && CaseTypes.Normalize(match.Groups["type"].Value) is { } type)
            {
                passages.TryAdd(type, line.Trim());
            }
        }

        return passages;
    }

    [GeneratedRegex(@"^（[一二三四五]）(?<type>[^：]+)：")]
    private static partial Regex Direction();
}
