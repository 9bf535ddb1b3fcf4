using System.Text;

namespace CaseIngest.Ocr.Engines.Paddle;

/// <summary>
/// Greedy CTC decoding of PP-OCR's recognition output: per time step the best class; repeats collapse, class 0 is the
/// blank, classes 1…n are the dictionary's characters in file order and the last class is a space.
/// </summary>
internal sealed class CtcDecoder
{
    private readonly string[] _characters;

    public CtcDecoder(IReadOnlyList<string> dictionary)
    {
        _characters = ["", .. dictionary, " "];
    }

    public static CtcDecoder FromFile(string path) =>
        new(File.ReadAllLines(path, Encoding.UTF8).Select(l => l.TrimEnd('\r', '\n')).ToList());

    public int ClassCount => _characters.Length;

    /// <summary>Decodes one sequence of <paramref name="steps"/> × <see cref="ClassCount"/> probabilities.</summary>
    public (string Text, double Confidence) Decode(ReadOnlySpan<float> probabilities, int steps)
    {
        var text = new StringBuilder();
        double confidenceSum = 0;
        var kept = 0;
        var previous = -1;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * _characters.Length, _characters.Length);
            var best = 0;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            if (best != 0 && best != previous)
            {
                text.Append(_characters[best]);
                confidenceSum += row[best];
                kept++;
            }

            previous = best;
        }

        return (text.ToString(), kept == 0 ? 0 : confidenceSum / kept);
    }
}
