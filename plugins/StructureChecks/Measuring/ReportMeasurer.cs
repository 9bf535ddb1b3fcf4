using System.Text;
using System.Text.RegularExpressions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.StructureChecks.Configuration;
using CaseIngest.Plugins.StructureChecks.Counting;
using CaseIngest.Plugins.StructureChecks.Reading;

namespace CaseIngest.Plugins.StructureChecks.Measuring;

/// <summary>One of the three sections 附件2 limits, as found.</summary>
internal sealed record SectionMeasure(string Name, ReportParagraph? Heading, int? WordCount)
{
    public bool Found => Heading is not null;

    /// <summary>What was counted, in words for the evidence.</summary>
    public string Span { get; init; } = Heading is null ? "" : $"“{Heading.Text.Trim()}”至下一个一级标题（含该标题）";
}

/// <summary>The figures the rules hold against their limits, and the record's <c>report</c> section.</summary>
internal sealed class ReportMeasurement
{
    public required ReportSection Report { get; init; }
    public required SectionMeasure Overview { get; init; }
    public required SectionMeasure Content { get; init; }
    public required SectionMeasure Performance { get; init; }

    /// <summary>Every statement of the case going into use, in reading order.</summary>
    public required IReadOnlyList<GoLiveStatement> GoLives { get; init; }

    /// <summary>The one <c>report.implementationStart</c> holds, null when the report states none.</summary>
    public GoLiveStatement? EarliestGoLive { get; init; }

    /// <summary>A sentence could not be searched for a go-live in time: an earlier statement than
    /// <see cref="EarliestGoLive"/> may have been missed.</summary>
    public bool GoLiveUndecided { get; init; }
}

/// <summary>Counts 正文 and its sections (DESIGN.md: a section runs from its level-1 heading, which counts, to the next
/// level-1 heading; table cells, title, company line and 目录 do not count) and builds the record's report section.</summary>
internal static partial class ReportMeasurer
{
    public static ReportMeasurement Measure(ReportDocument document, RuleSet ruleSet, PatternCache patterns)
    {
        var body = 0;
        var perSection = new Dictionary<ReportParagraph, int>();
        ReportParagraph? currentHeading = null;
        foreach (var p in document.Paragraphs)
        {
            if (p is { InBody: true, Kind: ParagraphKind.Heading, Level: 1 })
            {
                currentHeading = p;
            }

            if (!p.Counts)
            {
                continue;
            }

            var count = WordCounter.Count(p.Text);
            body += count;
            if (currentHeading is not null)
            {
                perSection[currentHeading] = perSection.GetValueOrDefault(currentHeading) + count;
            }
        }

        var overview = FindSection("企业概况", ruleSet.OverviewHeadings!, perSection);
        var performance = FindSection("绩效表现", ruleSet.PerformanceHeadings!, perSection);
        var content = FindSection("案例内容", ruleSet.ContentHeadings!, perSection);
        if (!content.Found && (overview.Found || performance.Found))
        {
            content = ContentByElimination(perSection, overview, performance);
        }
        var headings = document.BodyHeadings.ToList();
        var goLives = GoLiveFinder.Find(document, ruleSet.Implementation, patterns, out var goLiveUndecided);
        var earliest = GoLiveFinder.Earliest(goLives);
        var report = new ReportSection
        {
            Title = CleanTitle(document.Title?.Text),
            CompanyLine = document.CompanyLine?.Text.Trim(),
            BodyWordCount = body,
            OverviewWordCount = overview.WordCount,
            ContentWordCount = content.WordCount,
            PerformanceWordCount = performance.WordCount,
            HasToc = document.HasTocField || document.Paragraphs.Any(p => p.Kind == ParagraphKind.TocEntry),
            MaxHeadingDepth = headings.Count == 0 ? 0 : headings.Max(h => h.Level),
            Outline = headings.Select(h => new OutlineEntry { Level = h.Level, Heading = OneLine(h.Text) }).ToList(),
            Text = FullText(document),
            ImplementationStart = earliest?.Stated,
        };
        return new ReportMeasurement
        {
            Report = report, Overview = overview, Content = content, Performance = performance, GoLives = goLives, EarliestGoLive = earliest,
            GoLiveUndecided = goLiveUndecided,
        };
    }

    /// <summary>The title as one line, without a "案例名称：" label some templates keep.</summary>
    public static string? CleanTitle(string? title) =>
        title is null ? null : TitleLabel().Replace(OneLine(title), "");

    private static SectionMeasure FindSection(string name, IReadOnlyList<string> wordings, Dictionary<ReportParagraph, int> perSection)
    {
        foreach (var (heading, count) in perSection)
        {
            var text = HeadingNumbering.StripNumber(heading.Text);
            if (wordings.Any(w => text.Contains(w, StringComparison.Ordinal)))
            {
                return new SectionMeasure(name, heading, count);
            }
        }

        return new SectionMeasure(name, null, null);
    }

    /// <summary>No 二、案例内容 heading (the dimensions stand as level-1 headings of their own): 案例内容 is every level-1
    /// section that is neither 企业概况 nor 绩效表现.</summary>
    private static SectionMeasure ContentByElimination(Dictionary<ReportParagraph, int> perSection, SectionMeasure overview, SectionMeasure performance)
    {
        var rest = perSection.Where(s => s.Key != overview.Heading && s.Key != performance.Heading).ToList();
        return rest.Count == 0
            ? new SectionMeasure("案例内容", null, null)
            : new SectionMeasure("案例内容", rest[0].Key, rest.Sum(s => s.Value))
            {
                Span = $"报告没有“案例内容”一级标题，按企业概况、绩效表现以外的 {rest.Count} 个一级部分（自“{rest[0].Key.Text.Trim()}”起，含标题）",
            };
    }

    private static string FullText(ReportDocument document)
    {
        var text = new StringBuilder();
        foreach (var p in document.Paragraphs)
        {
            if (p.Kind is ParagraphKind.Empty or ParagraphKind.TocEntry or ParagraphKind.TocHeading)
            {
                continue;
            }

            text.Append(OneLine(p.Text)).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string OneLine(string text) => LineBreaks().Replace(text, " ").Trim();

    [GeneratedRegex(@"[\r\n\t]+")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^\s*案例名称\s*[:：]\s*")]
    private static partial Regex TitleLabel();
}
