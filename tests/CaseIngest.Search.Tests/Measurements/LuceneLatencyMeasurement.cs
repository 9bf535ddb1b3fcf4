using System.Diagnostics;
using System.Globalization;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search.Tests.Fixtures;
using Xunit.Abstractions;

namespace CaseIngest.Search.Tests.Measurements;

/// <summary>Search latency of the Lucene backend over synthetic cases, with highlights and facets. A measurement for the
/// notes, not a test: it asserts nothing about time and runs only when asked.
/// <c>CASEINGEST_MEASURE=10000 dotnet test tests/CaseIngest.Search.Tests --filter LuceneLatencyMeasurement
/// --logger "console;verbosity=detailed"</c> (<c>CASEINGEST_MEASURE_DIR</c> keeps the built index between runs).</summary>
public sealed class LuceneLatencyMeasurement(ITestOutputHelper output)
{
    private const string Variable = "CASEINGEST_MEASURE";

    private static readonly string[] s_terms =
    [
        "智能制造", "供应链", "协同", "数字化转型", "工业互联网", "人工智能", "大模型", "数据中台", "预测", "排产", "质量管控",
        "设备运维", "能耗管理", "安全生产", "港口", "专网", "算力", "调度", "医联体", "临床", "诊疗", "零售", "门店", "补货",
        "物流", "仓储", "金融", "风控", "人力资源", "绩效", "组织变革", "人机协同", "智能体", "知识图谱", "视觉检测", "数字孪生",
        "边缘计算", "云平台", "网络安全", "研发设计", "仿真", "装备", "无人化", "挖掘", "装载", "超声", "诊断", "模型", "咨询",
        "国有企业", "绿电", "液冷", "数据治理", "客户服务", "营销", "采购", "财务共享", "碳排放", "巡检", "机器人",
    ];

    private static readonly string[] s_filler = ["企业", "通过", "建设", "实现", "提升", "推动", "构建", "形成", "开展", "应用", "效率", "平台", "体系", "能力", "场景", "管理"];

    private static readonly string[] s_queries =
    [
        "供应链", "智能制造", "港口 专网", "人工智能 质量管控", "\"数字孪生\"", "医联体", "算力调度", "预测补货", "设备运维", "机器人 巡检",
        "数据治理", "风控", "人机协同", "组织变革", "绿电 液冷", "边缘计算", "知识图谱", "碳排放", "客户服务 大模型", "厂",
    ];

    private static readonly string[] s_types = ["业务融合创新类", "经营管理类", "新型数字基础设施类", "产品/装备创新类", "解决方案类", "其他"];

    [Fact]
    public async Task Measure_SearchWithHighlightsAndFacets_PrintsMedianAndP99()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var cases))
        {
            output.WriteLine($"Set {Variable}=10000 to measure.");
            return;
        }

        using var temporary = new TemporaryDirectory();
        var path = Environment.GetEnvironmentVariable(Variable + "_DIR") is { Length: > 0 } kept ? Path.Combine(kept, cases.ToString(CultureInfo.InvariantCulture)) : temporary.Path;
        using var index = LuceneIndexFactory.Create(path);
        var existing = (await index.SearchAsync(new SearchQuery { Limit = 0 }, CancellationToken.None)).Total;
        if (existing < cases)
        {
            var build = Stopwatch.StartNew();
            var random = new Random(8);
            for (var start = (int)existing; start < cases; start += 500)
            {
                var batch = Enumerable.Range(start, Math.Min(500, cases - start)).Select(i => Synthetic(i, random)).ToList();
                await index.UpsertAsync(batch, CancellationToken.None);
            }

            output.WriteLine($"Indexed {cases - existing} synthetic cases in {build.Elapsed.TotalSeconds:F0} s");
        }

        var query = (int i) => new SearchQuery { Text = s_queries[i % s_queries.Length], Limit = 10, Type = i % 5 == 0 ? s_types[i % s_types.Length] : null };
        for (var i = 0; i < 100; i++)
        {
            await index.SearchAsync(query(i), CancellationToken.None);
        }

        await MeasureAsync(index, cases, "10 hits, highlights, 5 facets over all matches", query);
        await MeasureAsync(index, cases, "no hits listed: query + facets only", i => query(i) with { Limit = 0 });
        var matched = 0L;
        foreach (var text in s_queries)
        {
            matched += (await index.SearchAsync(new SearchQuery { Text = text, Limit = 0 }, CancellationToken.None)).Total;
        }

        output.WriteLine($"A query matches {matched / s_queries.Length} of {cases} cases on average.");
    }

    /// <summary>Wall time, and the calling thread's CPU time (the search runs synchronously on it): on a shared machine
    /// the wall time includes waiting for a core, the CPU time does not.</summary>
    private async Task MeasureAsync(Search.Lucene.LuceneSearchIndex index, int cases, string what, Func<int, SearchQuery> query)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        long checksum = 0;
        for (var i = 0; i < 1000; i++)
        {
            var cpuStarted = ThreadCpu.Milliseconds();
            var started = Stopwatch.GetTimestamp();
            var result = await index.SearchAsync(query(i), CancellationToken.None);
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cpu.Add(ThreadCpu.Milliseconds() - cpuStarted);
            checksum += result.Hits.Sum(h => h.Highlights.Count) + result.Facets.Count;
        }

        wall.Sort();
        cpu.Sort();
        output.WriteLine($"{cases} cases, 1000 searches ({what}): wall median {wall[500]:F2} ms, p99 {wall[990]:F2} ms; " +
                         $"thread CPU median {cpu[500]:F2} ms, p99 {cpu[990]:F2} ms (checksum {checksum}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
    }

    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static double Milliseconds() => clock_gettime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1000.0 + time.Nanoseconds / 1e6 : double.NaN;

        [System.Runtime.InteropServices.DllImport("libc")]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }

    private static CaseRecord Synthetic(int i, Random random)
    {
        var text = new System.Text.StringBuilder(6200);
        while (text.Length < 6000)
        {
            for (var w = 0; w < 12; w++)
            {
                // Mostly words of two common ideographs (a realistic spread of bigrams), some report phrases, and a domain
                // term now and then: each query term ends up in roughly a fifth of the cases.
                var pick = random.Next(100);
                if (pick < 2)
                {
                    text.Append(s_terms[random.Next(s_terms.Length)]);
                }
                else if (pick < 30)
                {
                    text.Append(s_filler[random.Next(s_filler.Length)]);
                }
                else
                {
                    text.Append((char)(0x4E00 + random.Next(3000))).Append((char)(0x4E00 + random.Next(3000)));
                }
            }

            text.Append(random.Next(4) == 0 ? "。\n" : "，");
        }

        var title = s_terms[random.Next(s_terms.Length)] + s_terms[random.Next(s_terms.Length)] + "创新实践";
        var record = TestRecords.Case($"S{i:D6}", title, text.ToString(), type: s_types[random.Next(s_types.Length)],
            verdict: (Verdict)random.Next(4), edition: 1 + random.Next(8), recommender: $"第{random.Next(40)}推荐单位",
            submittedAt: new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(60_000)),
            findings: random.Next(3) == 0 ? new[] { "too_short", "no_toc" }[..(1 + random.Next(2))] : null);
        return record;
    }
}
