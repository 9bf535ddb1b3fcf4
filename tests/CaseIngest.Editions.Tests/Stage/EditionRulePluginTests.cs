using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Editions.Stage;
using CaseIngest.Editions.Tests.Support;
using CaseIngest.Search;
using Microsoft.Extensions.DependencyInjection;
using static CaseIngest.Editions.Tests.Support.EditionRecords;

namespace CaseIngest.Editions.Tests.Stage;

/// <summary>A later edition adds a rule by registering an <see cref="IEditionRule"/>, as a plugin's registrar would.</summary>
public sealed class EditionRulePluginTests
{
    /// <summary>A made-up rule of a later edition: at most two cases per applicant.</summary>
    private sealed class TwoPerApplicantRule : IEditionRule
    {
        public IReadOnlyCollection<string> Codes { get; } = ["applicant_over_two"];

        public IEnumerable<EditionFinding> Evaluate(EditionRuleContext context) =>
            context.Cases.GroupBy(c => c.Record.Form?.Applicant).SelectMany(g => g.Skip(2))
                .Select(c => new EditionFinding(c.Record.SubmissionId,
                    new Finding { Code = "applicant_over_two", Severity = Severity.Warning, Message = "同一申报单位超过 2 件" }));
    }

    [Fact]
    public async Task ARegisteredRule_WritesItsFindings_AndTheyGoWhenTheyNoLongerHold()
    {
        await using var host = new EditionTestHost(configure: services => services.AddSingleton<IEditionRule, TwoPerApplicantRule>());
        await host.SaveAsync(Enumerable.Range(1, 3).Select(i => Make($"R{i}", "广东省企业联合会", July1.AddHours(i), applicant: "同一公司")).ToArray());

        await host.CheckAsync();
        Assert.Equal(["R3"], await host.WithCodeAsync("applicant_over_two"));
        Assert.Equal("EditionCheck", (await host.GetAsync("R3")).Findings.Single(f => f.Code == "applicant_over_two").Plugin);

        await host.Repository.UpdateManyAsync(["R1"], r => { r.Withdrawn = new Withdrawal { At = July1.AddDays(1) }; return RecordUpdate.Written; },
            CancellationToken.None);
        // The rule does not say how far it reads: a check of one changed submission reads the whole edition for it.
        var check = (await host.Stage.RunAsync([new TouchedEdition(8, ["R1"])], CancellationToken.None)).Single();
        Assert.True(check.Whole);
        Assert.Empty(await host.WithCodeAsync("applicant_over_two"));
    }
}
