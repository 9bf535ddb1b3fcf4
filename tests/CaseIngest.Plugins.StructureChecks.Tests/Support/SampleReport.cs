using System.Text.RegularExpressions;

namespace CaseIngest.Plugins.StructureChecks.Tests.Support;

public enum TocKind
{
    None,
    Typed,
    TypedWithoutPageNumbers,
    Field,
    ContentControl,
}

/// <summary>A compliant case report by default (about 4,500 字, every dimension, a 目录, three heading levels, third
/// person); each test changes the one thing its rule is about.</summary>
internal sealed partial class SampleReport
{
    /// <summary>Twenty ideographs, no punctuation inside: 字数 of n sentences is 20 n.</summary>
    public const string Sentence = "企业依托数据平台优化生产计划提升质量管控";

    public string Title { get; set; } = "智能排产与质量管控的数字化实践";
    public string Company { get; set; } = "江苏示例精密制造股份有限公司";
    public TocKind Toc { get; set; } = TocKind.Field;
    public int OverviewSentences { get; set; } = 10;
    public int ContentSentences { get; set; } = 45;
    public int PerformanceSentences { get; set; } = 30;

    public List<string> Dimensions { get; } = ["（一）案例应用场景", "（二）数智技术能力", "（三）组织与管理变革", "（四）人机（智能系统）协同"];

    /// <summary>A compliant report says when the case went into use and who it worked with; a test about either changes these.</summary>
    public string? GoLive { get; set; } = "2023年6月，智能排产平台在总装车间正式上线运行";

    public string? Partner { get; set; } = "排产算法与金陵工业大学联合研发";

    /// <summary>Include the table of 三、绩效表现 (a report without tables or pictures is noted).</summary>
    public bool WithTable { get; set; } = true;

    /// <summary>The first level-1 heading (another wording renames the section).</summary>
    public string OverviewHeading { get; set; } = "一、企业概况";

    /// <summary>Paragraphs added to 三、绩效表现 (to state an indicator…).</summary>
    public List<string> ExtraPerformance { get; } = [];

    /// <summary>Paragraphs added to 企业概况 (to plant a first-person phrase, a quotation…).</summary>
    public List<string> ExtraOverview { get; } = [];

    /// <summary>The font of the <see cref="ExtraOverview"/> paragraphs, when not the body's.</summary>
    public string? ExtraOverviewFont { get; set; }

    public bool Level4Heading { get; set; }

    /// <summary>Lines of a cover page above the title.</summary>
    public List<string> Cover { get; } = [];

    public Action<ReportDocxBuilder>? Format { get; set; }

    private readonly List<string> _counted = [];
    private readonly List<string> _overview = [];
    private readonly List<string> _performance = [];

    public string Save(TemporaryDirectory folder, HeadingMode mode, string name = "案例报告.docx")
    {
        _counted.Clear();
        _overview.Clear();
        _performance.Clear();
        var builder = new ReportDocxBuilder(mode);
        Format?.Invoke(builder);
        foreach (var line in Cover)
        {
            builder.Title(line);
        }

        builder.Title(Title).Company(Company);
        var entries = new[] { OverviewHeading, "二、案例内容" }.Concat(Dimensions).Append("三、绩效表现").ToArray();
        _ = Toc switch
        {
            TocKind.Typed => builder.TypedToc(entries),
            TocKind.TypedWithoutPageNumbers => builder.TypedToc(pageNumbers: false, entries),
            TocKind.Field => builder.TocField(entries),
            TocKind.ContentControl => builder.SdtToc(entries),
            _ => builder,
        };

        Heading(builder, 1, OverviewHeading, _overview);
        Body(builder, $"{Company}（以下简称“示例精工”）是一家精密零部件制造企业", _overview);
        foreach (var extra in new[] { GoLive, Partner }.OfType<string>())
        {
            Body(builder, extra + "。", _overview);
        }

        foreach (var extra in ExtraOverview)
        {
            Body(builder, extra, _overview, font: ExtraOverviewFont);
        }

        Sentences(builder, OverviewSentences - 1, _overview);

        Heading(builder, 1, "二、案例内容", null);
        foreach (var dimension in Dimensions)
        {
            Heading(builder, 2, dimension, null);
            Heading(builder, 3, "1.建设思路与推进路径", null);
            if (Level4Heading)
            {
                Heading(builder, 4, "（1）细分场景建设", null);
            }

            Sentences(builder, ContentSentences, null);
        }

        Heading(builder, 1, "三、绩效表现", _performance);
        if (WithTable)
        {
            Body(builder, "表1 实施前后主要指标对比", _performance, caption: true);
            builder.Table(["指标", "实施前", "实施后"], ["计划编制用时", "四小时", "半小时"]);
        }
        Sentences(builder, PerformanceSentences, _performance);
        foreach (var extra in ExtraPerformance)
        {
            Body(builder, extra, _performance);
        }

        var path = folder.File(name);
        builder.Save(path);
        return path;
    }

    public int ExpectedBody => _counted.Sum(Count);
    public int ExpectedOverview => _overview.Sum(Count);
    public int ExpectedPerformance => _performance.Sum(Count);
    public int ExpectedContent => ExpectedBody - ExpectedOverview - ExpectedPerformance;

    /// <summary>Counted independently of the plugin: every ideograph and every run of digits (the texts hold nothing else).</summary>
    private static int Count(string text) => text.Count(c => c is >= '\u4E00' and <= '\u9FFF' or '〇') + Digits().Count(text);

    private void Heading(ReportDocxBuilder builder, int level, string text, List<string>? section)
    {
        builder.Heading(level, text);
        _counted.Add(text);
        section?.Add(text);
    }

    private void Body(ReportDocxBuilder builder, string text, List<string>? section, bool caption = false, string? font = null)
    {
        if (caption)
        {
            builder.Caption(text);
        }
        else
        {
            builder.Body(text, font);
        }

        _counted.Add(text);
        section?.Add(text);
    }

    private void Sentences(ReportDocxBuilder builder, int count, List<string>? section)
    {
        for (var done = 0; done < count; done += 5)
        {
            var n = Math.Min(5, count - done);
            Body(builder, string.Concat(Enumerable.Repeat(Sentence + "。", n)), section);
        }
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
