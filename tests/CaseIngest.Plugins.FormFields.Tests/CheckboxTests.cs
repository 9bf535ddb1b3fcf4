using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Tests.Support;

namespace CaseIngest.Plugins.FormFields.Tests;

/// <summary>Every checkbox kind seen in practice, on forms the test generates.</summary>
public sealed class CheckboxTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new("formfields-chk-");

    public static TheoryData<CheckboxKind> Kinds => new(Enum.GetValues<CheckboxKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RunAsync_OneBoxTicked_DeclaresThatType(CheckboxKind kind)
    {
        var spec = new FormSpec { Checkboxes = kind, TickedTypes = [CaseTypes.ProductEquipment] };

        var record = await FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

        Assert.Equal([CaseTypes.ProductEquipment], record.Form!.DeclaredTypes);
        Assert.Empty(record.Findings);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RunAsync_TwoBoxesTicked_MultipleTypesTickedError(CheckboxKind kind)
    {
        var spec = new FormSpec { Checkboxes = kind, TickedTypes = [CaseTypes.BusinessIntegration, CaseTypes.Other] };

        var record = await FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

        Assert.Equal([CaseTypes.BusinessIntegration, CaseTypes.Other], record.Form!.DeclaredTypes);
        var finding = Assert.Single(record.Findings);
        Assert.Equal(FindingCodes.MultipleTypesTicked, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("案例类型", finding.Location!.Section);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RunAsync_NoBoxTicked_TypeNotTickedError(CheckboxKind kind)
    {
        var spec = new FormSpec { Checkboxes = kind, TickedTypes = [] };

        var record = await FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

        Assert.Empty(record.Form!.DeclaredTypes);
        Assert.Equal(FindingCodes.TypeNotTicked, Assert.Single(record.Findings).Code);
    }

    [Fact]
    public async Task RunAsync_ContentControlGlyphContradictsState_StateWins()
    {
        // GIVEN content controls whose glyph shows ☐ on the checked box and ☒ on the others
        var spec = new FormSpec { Checkboxes = CheckboxKind.ContentControlMisleadingGlyph, TickedTypes = [CaseTypes.Solution] };

        // WHEN the form is read
        var record = await FormStepRunner.RunOnFileAsync(FormDocxBuilder.Write(spec, _dir.Path));

        // THEN w14:checked decides, not the glyph
        Assert.Equal([CaseTypes.Solution], record.Form!.DeclaredTypes);
    }

    public void Dispose() => _dir.Dispose();
}
