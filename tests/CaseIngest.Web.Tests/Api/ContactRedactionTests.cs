using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseIngest.Abstractions.Records;
using CaseIngest.Search;
using CaseIngest.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CaseIngest.Web.Tests.Api;

/// <summary>The sample cases plus one whose applicant contact is invalid, so that invalid_contact quotes it in its
/// evidence (as the FormFields plugin does), whose signature page's OCR text and report carry a phone and an e-mail, and
/// whose title, applicant and shortlist note start with formula characters.</summary>
public sealed class ContactsWebAppFixture : WebAppFixture
{
    public const string ContactCaseId = "C01";
    public const string InvalidEmail = "zhang.san#mail.example";
    public const string InvalidPhone = "1380013";
    public const string RecommenderPhone = "010-68593471";
    public const string RecommenderEmail = "liwei@qylh.example.org";
    public const string OcrPhone = "13912345678";
    public const string ReportEmail = "press.office@report.example.com";
    public const string FormulaTitle = "=HYPERLINK(\"http://evil.example\",\"点击查看\")";

    public static IReadOnlyList<string> Contacts { get; } =
        [InvalidEmail, InvalidPhone, RecommenderPhone, RecommenderEmail, OcrPhone, "139 1234 5678", ReportEmail];

    protected override async Task SeedMoreAsync(ICaseRepository repository)
    {
        var record = CorpusRecords.Load("D02", 20);
        record.SubmissionId = ContactCaseId;
        record.PackageSha256 = null;
        record.Form!.CaseName = FormulaTitle;
        record.Form.Applicant = "+86 某某科技有限公司";
        record.Form.ApplicantContact = new Contact { Name = "张三", Title = "办公室主任", Phone = InvalidPhone, Email = InvalidEmail };
        record.Form.RecommenderContact = new Contact { Name = "李伟", Title = "秘书长", Phone = RecommenderPhone, Email = RecommenderEmail };
        record.Report!.Title = FormulaTitle;
        record.Report.Text += $"\n如需了解详情，请致信 {ReportEmail}。\n";
        foreach (var page in record.Pages)
        {
            page.Text = $"申报单位（盖章） 联系人：张三 手机 {OcrPhone[..3]} {OcrPhone[3..7]} {OcrPhone[7..]}";
        }

        record.Findings.Add(new Finding
        {
            Code = FindingCodes.InvalidContact, Severity = Severity.Warning, Message = "申报单位的电子邮箱格式不正确",
            Evidence = $"申报单位·电子邮箱：{InvalidEmail}", Plugin = "FormFields",
        });
        record.Findings.Add(new Finding
        {
            Code = FindingCodes.InvalidContact, Severity = Severity.Warning, Message = $"申报单位的电话号码 {InvalidPhone} 不像有效号码",
            Evidence = $"申报单位·电话：{InvalidPhone}", Plugin = "FormFields",
        });
        await repository.SaveAsync(record, CancellationToken.None);
        await repository.UpdateReviewAsync(ContactCaseId, new ReviewEdit(new ReviewActor(Editor, "editor"), null, r =>
        {
            r.Review!.Shortlist = new Shortlist { Rating = 5, Note = "@SUM(1+1) 请联系 " + RecommenderPhone, By = Editor, At = DateTimeOffset.UtcNow };
            return ReviewEditResult.Of(new ReviewChange("shortlist.set", null, null, r.Review.Shortlist.Note));
        }), CancellationToken.None);
    }
}

public sealed class ContactRedactionTests(ContactsWebAppFixture app) : IClassFixture<ContactsWebAppFixture>
{
    private const string Id = ContactsWebAppFixture.ContactCaseId;

    /// <summary>Every GET endpoint the app maps (so pages added later are covered too), with this case's id, plus searches
    /// for the contact itself.</summary>
    private List<string> AllGetPaths()
    {
        var paths = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p != WebAppFixture.FailingPath)
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p.Replace("{id}", Id, StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal), @"\{(page|number)[^}]*\}", "1"))
            .ToList();
        Assert.DoesNotContain(paths, p => p.Contains('{', StringComparison.Ordinal));
        // Searches whose snippets come from the OCR text and the report next to the contacts (a query holding the contact
        // itself would only echo what the reviewer typed).
        paths.AddRange(["/search?q=手机", "/api/search?q=手机", "/api/search?q=致信",
            "/search?q=联系人", "/api/search?q=联系人", "/api/search?q=详情", $"/api/cases/{Id}/similar?count=20",
            $"/api/cases/D02/similar?count=20"]);
        return paths;
    }

    [Fact]
    public async Task Reviewer_SeesNoContactAnywhere_EvidenceSnippetsAndExportsIncluded()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);
        var seen = 0;
        foreach (var path in AllGetPaths())
        {
            var response = await client.Http.GetAsync(path);
            var text = await ReadableTextAsync(response);
            foreach (var contact in ContactsWebAppFixture.Contacts)
            {
                Assert.False(text.Contains(contact, StringComparison.Ordinal), $"{path} ({(int)response.StatusCode}) shows {contact}");
            }

            seen += response.IsSuccessStatusCode ? 1 : 0;
        }

        // The case page, its JSON, the search, the intake page and its export were all read (not refused).
        Assert.True(seen >= 10, $"only {seen} pages answered");
    }

    [Fact]
    public async Task Reviewer_CasePage_ShowsThatContactsAreHidden()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Reviewer);

        var html = await ReadableTextAsync(await client.Http.GetAsync($"/cases/{Id}"));

        Assert.Contains("申报单位·电子邮箱：（仅编辑与管理员可见）", html, StringComparison.Ordinal);
        Assert.Contains("张三", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebAppFixture.Editor)]
    [InlineData(WebAppFixture.Admin)]
    public async Task EditorAndAdmin_SeeTheContacts(string user)
    {
        using var client = await app.SignedInAsync(user);

        var page = await ReadableTextAsync(await client.Http.GetAsync($"/cases/{Id}"));
        var json = await ReadableTextAsync(await client.Http.GetAsync($"/api/cases/{Id}"));

        foreach (var contact in new[] { ContactsWebAppFixture.InvalidEmail, ContactsWebAppFixture.RecommenderPhone })
        {
            Assert.Contains(contact, page, StringComparison.Ordinal);
            Assert.Contains(contact, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_VerdictExport_HasNoContactDetails()
    {
        using var client = await app.SignedInAsync(WebAppFixture.Admin);

        var text = await ReadableTextAsync(await client.Http.GetAsync("/api/intake/verdicts.xlsx"));

        Assert.Contains("invalid_contact", text, StringComparison.Ordinal);
        foreach (var contact in ContactsWebAppFixture.Contacts)
        {
            Assert.DoesNotContain(contact, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(WebAppFixture.Admin, "/api/intake/verdicts.xlsx")]
    [InlineData(WebAppFixture.Editor, "/api/casebook/shortlist.xlsx")]
    public async Task Export_CellsStartingWithAFormulaCharacter_AreNeutralised(string user, string path)
    {
        using var client = await app.SignedInAsync(user);
        var bytes = await client.Http.GetByteArrayAsync(path);

        using var stream = new MemoryStream(bytes);
        var cells = new List<string>();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet))
            {
                cells.AddRange(row.Values.OfType<string>());
            }
        }

        Assert.Contains("'" + ContactsWebAppFixture.FormulaTitle, cells);
        Assert.Contains("'+86 某某科技有限公司", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@".Contains(c[0], StringComparison.Ordinal));
        if (path.Contains("shortlist", StringComparison.Ordinal))
        {
            Assert.Contains(cells, c => c.StartsWith("'@SUM(1+1)", StringComparison.Ordinal));
        }
    }

    /// <summary>What a person would read in a response: HTML and JSON unescaped, .xlsx and .docx unzipped.</summary>
    private static async Task<string> ReadableTextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("openxmlformats", StringComparison.Ordinal))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(WebUtility.HtmlDecode(await reader.ReadToEndAsync()));
            }

            return text.ToString();
        }

        var body = Encoding.UTF8.GetString(bytes);
        if (type.Contains("json", StringComparison.Ordinal) && body.Length > 0)
        {
            return JsonNode.Parse(body)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        return WebUtility.HtmlDecode(body);
    }
}
