using CaseIngest.Abstractions.Records;

namespace CaseIngest.Web.Evaluation;

/// <summary>An expert as assignment sees them: the user name and their own unit.</summary>
public sealed record ExpertProfile(string Name, string Unit);

/// <summary>A compliant case to be scored: who applied, who recommended, and who already has it.</summary>
public sealed record CaseToAssign(string SubmissionId, string? Applicant, string? Recommender, IReadOnlyList<string> AssignedTo)
{
    public static CaseToAssign Of(CaseRecord record) => new(record.SubmissionId, record.Form?.Applicant,
        record.Form?.Recommender ?? record.Recommender, record.Review?.Evaluation?.AssignedTo ?? []);
}

/// <summary>What assignment decided: the experts to add per case, and the cases that could not get enough experts
/// (too few without a conflict of unit).</summary>
public sealed record AssignmentPlan(IReadOnlyDictionary<string, IReadOnlyList<string>> Added, IReadOnlyDictionary<string, int> ShortBy);

/// <summary>Gives each compliant case to N experts: never an expert whose own unit is the case's applicant or
/// recommender, the least loaded first (ties by name, so a plan is reproducible), keeping assignments already made.</summary>
public static class ExpertAssignment
{
    public static bool Conflicted(ExpertProfile expert, CaseToAssign @case) =>
        UnitNames.Same(expert.Unit, @case.Applicant) || UnitNames.Same(expert.Unit, @case.Recommender);

    /// <summary>Whether the expert may see and score the case: assigned to them, and (should their unit have changed since)
    /// still not a case of their own unit.</summary>
    public static bool MaySee(ExpertProfile expert, CaseRecord record)
    {
        var @case = CaseToAssign.Of(record);
        return @case.AssignedTo.Contains(expert.Name, StringComparer.Ordinal) && !Conflicted(expert, @case);
    }

    /// <summary>The cases that go to experts: those the compliance review decided compliant.</summary>
    public static bool IsCompliant(CaseRecord record) => record.Review?.Decision?.Outcome == PackageOutcome.Compliant;

    public static AssignmentPlan Plan(IReadOnlyList<CaseToAssign> cases, IReadOnlyList<ExpertProfile> experts, int perCase)
    {
        var load = experts.ToDictionary(e => e.Name, e => cases.Count(c => c.AssignedTo.Contains(e.Name)), StringComparer.Ordinal);
        var added = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var shortBy = new Dictionary<string, int>(StringComparer.Ordinal);
        // The cases with the fewest eligible experts go first, so that the scarce experts are not used up elsewhere.
        var order = cases
            .Select(c => (Case: c, Eligible: experts.Count(e => !Conflicted(e, c) && !c.AssignedTo.Contains(e.Name))))
            .OrderBy(x => x.Eligible)
            .ThenBy(x => x.Case.SubmissionId, StringComparer.Ordinal);
        foreach (var (@case, _) in order)
        {
            var needed = perCase - @case.AssignedTo.Count;
            if (needed <= 0)
            {
                continue;
            }

            var chosen = experts
                .Where(e => !Conflicted(e, @case) && !@case.AssignedTo.Contains(e.Name))
                .OrderBy(e => load[e.Name])
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .Take(needed)
                .Select(e => e.Name)
                .ToList();
            foreach (var name in chosen)
            {
                load[name]++;
            }

            if (chosen.Count > 0)
            {
                added[@case.SubmissionId] = chosen;
            }

            if (chosen.Count < needed)
            {
                shortBy[@case.SubmissionId] = needed - chosen.Count;
            }
        }

        return new AssignmentPlan(added, shortBy);
    }
}
