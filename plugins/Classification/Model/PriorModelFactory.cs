using System.Text.Json;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.Classification.Features;

namespace CaseIngest.Plugins.Classification.Model;

/// <summary>
/// Builds the day-one model from the embedded lexicon (Resources/PriorLexicon.json): each type's cue terms from the
/// notice's 征集方向 and from who acts in a case. The same lexicon gives the pseudo-cases (the notice's definitions) that
/// training keeps, so a trained model still reads the notice's own words right.
/// </summary>
internal sealed class PriorModelFactory
{
    public const string ResourceName = "CaseIngest.Plugins.Classification.PriorLexicon.json";

    /// <summary>Bigrams and trigrams: Chinese terms are mostly two or three characters.</summary>
    public static readonly IReadOnlyList<int> NgramSizes = [2, 3];

    private readonly Lexicon _lexicon;
    private readonly string _lexiconHash;

    public PriorModelFactory()
    {
        using var stream = typeof(PriorModelFactory).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the plugin.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        _lexiconHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(memory.ToArray()))[..12];
        _lexicon = JsonSerializer.Deserialize<Lexicon>(memory.ToArray(), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
    }

    /// <summary>The notice's definition of each of the five types, by the form's label.</summary>
    public IReadOnlyDictionary<string, string> Definitions =>
        _lexicon.Types.ToDictionary(t => t.Key, t => t.Value.Definition, StringComparer.Ordinal);

    public ClassificationModel Create()
    {
        var types = CaseTypes.All;
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (type, entry) in _lexicon.Types)
        {
            var index = IndexOf(types, type);
            foreach (var (cue, weight) in entry.Cues)
            {
                var term = TextNormalizer.Normalize(cue);
                Add(weights, FeatureExtractor.CuePrefix + term, index, _lexicon.Scale * weight * _lexicon.BodyFactor, types.Count);
                Add(weights, FeatureExtractor.TitlePrefix + term, index, _lexicon.Scale * weight * _lexicon.TitleFactor, types.Count);
                Add(weights, FeatureExtractor.FramingPrefix + term, index, _lexicon.Scale * weight * _lexicon.FramingFactor, types.Count);
            }

            foreach (var (cue, weight) in entry.Applicant)
            {
                Add(weights, FeatureExtractor.ApplicantPrefix + TextNormalizer.Normalize(cue), index, _lexicon.Scale * weight * _lexicon.ApplicantFactor, types.Count);
            }
        }

        // Every cue term in every region gets a row, zero where the lexicon says nothing, so training can learn that a
        // term says more (or less) in the 企业概况 or the framing than the lexicon assumed.
        var terms = weights.Keys.Select(k => k[2..]).Distinct(StringComparer.Ordinal).ToList();
        foreach (var term in terms)
        {
            foreach (var prefix in (string[])[FeatureExtractor.CuePrefix, FeatureExtractor.TitlePrefix, FeatureExtractor.ApplicantPrefix, FeatureExtractor.FramingPrefix])
            {
                Add(weights, prefix + term, 0, 0, types.Count);
            }
        }

        // 其他 has no definition: it wins only when no type has evidence beyond this, and then with little confidence.
        // The same level is where a readable report fits none of the five directions (Thresholds.FitsNone), so the
        // prior answers 其他 there instead of abstaining; training moves it only where held-out 其他 cases say so.
        var otherBias = _lexicon.Scale * _lexicon.OtherBias;
        var bias = types.Select(t => t == CaseTypes.Other ? otherBias : 0).ToArray();
        return new ClassificationModel("prior-" + _lexiconHash, types, NgramSizes, weights, bias, temperature: 1,
            new Thresholds(_lexicon.AbstainThreshold, _lexicon.MismatchThreshold, otherBias), training: null);
    }

    private static void Add(Dictionary<string, double[]> weights, string key, int type, double weight, int typeCount)
    {
        if (!weights.TryGetValue(key, out var row))
        {
            row = new double[typeCount];
            weights[key] = row;
        }

        row[type] += weight;
    }

    private static int IndexOf(IReadOnlyList<string> types, string type)
    {
        var normalized = CaseTypes.Normalize(type) ?? throw new InvalidOperationException($"Lexicon type {type} is not a case type.");
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == normalized)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Lexicon type {type} is not a case type.");
    }

    private sealed class Lexicon
    {
        public double Scale { get; set; }
        public double BodyFactor { get; set; }
        public double TitleFactor { get; set; }
        public double FramingFactor { get; set; }
        public double ApplicantFactor { get; set; }
        public double AbstainThreshold { get; set; }
        public double MismatchThreshold { get; set; }
        public double OtherBias { get; set; }
        public Dictionary<string, LexiconType> Types { get; set; } = [];
    }

    private sealed class LexiconType
    {
        public string Definition { get; set; } = "";
        public Dictionary<string, double> Cues { get; set; } = [];
        public Dictionary<string, double> Applicant { get; set; } = [];
    }
}
