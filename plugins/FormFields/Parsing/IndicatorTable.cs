using CaseIngest.Plugins.FormFields.Layout;

namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>The indicator block: its header gives the year (and unit) columns, each row one indicator's two values.
/// The first row of an indicator wins, so a report table later in the document cannot overwrite the form's figures.</summary>
internal sealed class IndicatorTable(ParsedForm parsed)
{
    private readonly HashSet<string> _rows = [];
    private FormCell? _year2024;
    private FormCell? _year2025;
    private FormCell? _unitColumn;

    /// <summary>The indicator table's header (序号 | 指标名称 | 单位 | 2024 年 | 2025 年).</summary>
    public bool TryHeader(FormRow row)
    {
        FormCell? y2024 = null, y2025 = null, unit = null;
        foreach (var cell in row.Cells)
        {
            var c = FormText.Compact(cell.Text);
            if (c.StartsWith("2024", StringComparison.Ordinal) && c.Length <= 8)
            {
                y2024 = cell;
            }
            else if (c.StartsWith("2025", StringComparison.Ordinal) && c.Length <= 8)
            {
                y2025 = cell;
            }
            else if (c is "单位" or "计量单位")
            {
                unit = cell;
            }
        }

        if (y2024 is null || y2025 is null)
        {
            return false;
        }

        (_year2024, _year2025, _unitColumn) = (y2024, y2025, unit);
        return true;
    }

    /// <summary>A row naming one of the five indicators: its two values, by the year columns when the header gave them.</summary>
    public bool TryRow(FormRow row)
    {
        var nameIndex = -1;
        string? name = null;
        for (var i = 0; i < row.Cells.Count && name is null; i++)
        {
            name = IndicatorNames.Find(row.Cells[i].Text);
            nameIndex = i;
        }

        if (name is null || row.Cells.Count < 2 || !_rows.Add(name))
        {
            return false;
        }

        var nameCell = row.Cells[nameIndex];
        var after = row.Cells.Skip(nameIndex + 1).ToList();
        var unitCell = _unitColumn is null ? null : after.MaxBy(c => c.Overlap(_unitColumn)) is { } u && u.Overlap(_unitColumn) > 0 ? u : null;
        unitCell ??= after.FirstOrDefault(c => IsUnit(c.Text));
        var unit = unitCell?.Text ?? UnitInLabel(nameCell.Text);

        FormCell? v2024, v2025;
        if (_year2024 is not null && _year2025 is not null)
        {
            v2024 = BestOverlap(after, _year2024);
            v2025 = BestOverlap(after, _year2025);
        }
        else
        {
            var values = after.Where(c => c != unitCell && !IsUnit(c.Text)).ToList();
            v2024 = values.ElementAtOrDefault(0);
            v2025 = values.ElementAtOrDefault(1);
        }

        // A figure is as sure as its cell and the unit that scales it.
        var unitConfidence = unitCell?.Confidence ?? nameCell.Confidence;
        parsed.Read($"indicators.{name}[0]", Math.Min(v2024?.Confidence ?? 1, unitConfidence));
        parsed.Read($"indicators.{name}[1]", Math.Min(v2025?.Confidence ?? 1, unitConfidence));
        parsed.Form.Indicators[name] = [Value(name, 2024, v2024, unit), Value(name, 2025, v2025, unit)];
        return true;
    }

    private double? Value(string name, int year, FormCell? cell, string? unit)
    {
        var value = IndicatorValue.Parse(cell?.Text, unit, out var unreadable);
        if (unreadable)
        {
            parsed.UnreadableIndicators.Add($"{name}（{year} 年）：{FormText.Value(cell?.Text)}");
        }

        return value;
    }

    private static FormCell? BestOverlap(List<FormCell> cells, FormCell column)
    {
        var best = cells.MaxBy(c => c.Overlap(column));
        return best is not null && best.Overlap(column) > 0 ? best : null;
    }

    private static bool IsUnit(string text) =>
        FormText.Compact(text) is "万元" or "亿元" or "元" or "%" or "项" or "个" or "件" or "人" or "百分比";

    private static string? UnitInLabel(string label)
    {
        var c = FormText.Compact(label);
        return c.Contains("亿元", StringComparison.Ordinal) ? "亿元" : c.Contains("(元)", StringComparison.Ordinal) ? "元" : null;
    }
}
