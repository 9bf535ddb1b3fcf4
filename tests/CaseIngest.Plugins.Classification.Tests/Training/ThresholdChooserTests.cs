using CaseIngest.Plugins.Classification.Training;

namespace CaseIngest.Plugins.Classification.Tests.Training;

public sealed class ThresholdChooserTests
{
    [Fact]
    public void Choose_OneWrongAnswerAboveTwoRightOnes_AnswersThemAndContradictsTicksOnlyAboveIt()
    {
        // GIVEN held-out predictions: sixteen sure and right, one wrong at 0.60, two right a little under it
        List<(double, bool)> heldOut = [.. Enumerable.Range(0, 16).Select(i => (0.95 + (0.003 * i), true)), (0.60, false), (0.52, true), (0.55, true)];

        var thresholds = ThresholdChooser.Choose(heldOut);

        // THEN one wrong answer does not set the threshold: the two right ones under it are answered, and type_mismatch
        // still needs more than the wrong answer had
        Assert.True(thresholds.Abstain < 0.52, $"abstain {thresholds.Abstain}");
        Assert.True(thresholds.Mismatch > 0.60, $"mismatch {thresholds.Mismatch}");
    }

    [Fact]
    public void Choose_ManyWrongAnswersAtHighConfidence_AbstainsAboveThem()
    {
        // GIVEN a model whose held-out answers at 0.6 are all wrong and at 0.9 wrong one time in three
        List<(double, bool)> heldOut = [.. Enumerable.Repeat((0.95, true), 10), .. Enumerable.Repeat((0.9, false), 5), .. Enumerable.Repeat((0.6, false), 5)];

        var thresholds = ThresholdChooser.Choose(heldOut);

        // THEN its confidence is not taken at its word: it abstains on what it got wrong at 0.6
        Assert.True(thresholds.Abstain > 0.6, $"abstain {thresholds.Abstain}");
        Assert.InRange(thresholds.Abstain, ThresholdChooser.MinAbstain, ThresholdChooser.MaxAbstain);
    }

    [Fact]
    public void Choose_SamePredictionsInAnyOrder_SameThresholds()
    {
        List<(double, bool)> heldOut = [(0.9, true), (0.45, false), (0.7, true), (0.5, true), (0.99, true)];

        Assert.Equal(ThresholdChooser.Choose(heldOut), ThresholdChooser.Choose([.. heldOut.AsEnumerable().Reverse()]));
    }

    [Fact]
    public void ChooseFitsNone_NoOtherCase_StaysAtTheFloor()
    {
        List<(double, bool)> heldOut = [(0.9, false), (3.4, false), (12, false)];

        Assert.Equal(0.5, ThresholdChooser.ChooseFitsNone(heldOut, floor: 0.5));
    }

    [Fact]
    public void ChooseFitsNone_OtherCasesWeakerThanEveryTypedOne_CutJustAboveThem()
    {
        // GIVEN two held-out 其他 cases whose best direction has less evidence than any typed case's
        List<(double, bool)> heldOut = [(1.0, true), (2.0, true), (4.0, false), (9.0, false)];

        // THEN the cut lies between the stronger 其他 and the weakest typed case
        Assert.Equal(3.0, ThresholdChooser.ChooseFitsNone(heldOut, floor: 0.5));
    }

    [Fact]
    public void ChooseFitsNone_OtherCaseAboveATypedOne_TieKeepsTheFloor()
    {
        // GIVEN one 其他 case (6.5) stronger than a typed one (3.4): catching it would call the typed case 其他
        List<(double, bool)> heldOut = [(3.4, false), (6.5, true), (8.0, false)];

        // THEN one case caught for one case lost: the cut does not move for it
        Assert.Equal(0.5, ThresholdChooser.ChooseFitsNone(heldOut, floor: 0.5));
    }

    [Fact]
    public void ChooseFitsNone_SingleOtherCaseWeakerThanEveryTypedOne_DoesNotMoveTheCut()
    {
        // GIVEN the only 其他 case (6.5) below every typed case of its held-out set
        List<(double, bool)> heldOut = [(6.5, true), (7.3, false), (8.0, false)];

        // THEN one case does not set a threshold: a typed report weaker than it, held out elsewhere, stays typed
        Assert.Equal(0.5, ThresholdChooser.ChooseFitsNone(heldOut, floor: 0.5));
    }
}
