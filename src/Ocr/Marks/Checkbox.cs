using OpenCvSharp;

namespace CaseIngest.Ocr.Marks;

/// <summary>A printed checkbox found on a page image: its box in the page's pixels, and whether it is marked.</summary>
/// <param name="Fill">The share of the box's inside that is inked (0 for □; a tick, a cross or a filled box more).</param>
/// <param name="Certainty">How far the fill is from the line between ticked and empty, 0–1: 1 for a blank or a clearly
/// marked box, lower for a faint mark or a speck.</param>
public sealed record Checkbox(Rect Box, double Fill, bool Ticked, double Certainty);
