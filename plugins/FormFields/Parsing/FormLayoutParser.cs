using System.Text;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.FormFields.Layout;

namespace CaseIngest.Plugins.FormFields.Parsing;

/// <summary>
/// Maps the rows of a document onto the 申报表's fields. Labels drive it, not positions: a label opens a block, column
/// headers (姓名, 职务, 电话…) say which value goes where, the rows after them are the block's values until another label
/// or another table. So rows may come in another order, labels may be spaced or carry the value after a colon, merged
/// cells and empty rows do not matter, and the form may sit inside a larger document.
/// </summary>
internal sealed class FormLayoutParser
{
    public ParsedForm Parse(FormLayout layout)
    {
        var run = new ParseRun();
        var rows = layout.Rows;
        for (var i = StartOfForm(rows); i < rows.Count; i++)
        {
            run.Add(rows[i]);
        }

        return run.Finish();
    }

    /// <summary>Where the form starts: the table that holds most of its labels (with label paragraphs just above it),
    /// else the first labelled row. What precedes it in a larger document is not the form.</summary>
    private static int StartOfForm(List<FormRow> rows)
    {
        var labelsByTable = new Dictionary<int, HashSet<FormBlock>>();
        var firstRowOfTable = new Dictionary<int, int>();
        var firstLabelRow = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var cell in rows[i].Cells)
            {
                if (FormLabels.Match(cell.Text) is { } match)
                {
                    firstLabelRow = firstLabelRow < 0 ? i : firstLabelRow;
                    if (rows[i].TableId >= 0)
                    {
                        firstRowOfTable.TryAdd(rows[i].TableId, i);
                        (labelsByTable.TryGetValue(rows[i].TableId, out var set) ? set : labelsByTable[rows[i].TableId] = []).Add(match.Block);
                    }
                }
            }
        }

        var best = labelsByTable.OrderByDescending(p => p.Value.Count).ThenBy(p => firstRowOfTable[p.Key]).FirstOrDefault();
        if (best.Value is not { Count: >= 3 })
        {
            return Math.Max(firstLabelRow, 0);
        }

        var start = rows.Select((r, i) => (r, i)).First(x => x.r.TableId == best.Key).i;
        while (start > 0 && rows[start - 1].TableId < 0 && (rows[start - 1].IsEmpty || rows[start - 1].Cells.Any(c => FormLabels.Match(c.Text) is not null)))
        {
            start--;
        }

        return start;
    }

    /// <summary>The state of one pass over a document's rows.</summary>
    private sealed class ParseRun
    {
        private readonly ParsedForm _parsed = new();
        private readonly IndicatorTable _indicators;
        private readonly HashSet<FormBlock> _seen = [];
        private readonly StringBuilder _typeText = new();
        private readonly StringBuilder _applicantOpinion = new();
        private readonly StringBuilder _recommenderOpinion = new();
        private readonly Dictionary<FormBlock, double> _blockConfidence = [];
        private FormBlock _block;
        private int _blockTable = int.MinValue;
        private List<(ColumnField Field, FormCell Cell)>? _columns;
        private FormRow? _columnsRow;
        private FormRow? _previousRow;
        private string? _recommenderFromLabel;
        private double _recommenderFromLabelConfidence = 1;

        public ParseRun() => _indicators = new IndicatorTable(_parsed);

        private FormSection Form => _parsed.Form;

        public void Add(FormRow row)
        {
            if (row.IsEmpty)
            {
                return;
            }

            if (_block != FormBlock.None && (row.TableId != _blockTable || row.TableId < 0))
            {
                _block = FormBlock.None;
            }

            var labels = row.Cells.Select((c, i) => (Match: FormLabels.Match(c.Text), Index: i)).Where(x => x.Match is not null).ToList();
            if (labels.Count > 0)
            {
                for (var k = 0; k < labels.Count; k++)
                {
                    var end = k + 1 < labels.Count ? labels[k + 1].Index : row.Cells.Count;
                    var rest = row.Cells.Skip(labels[k].Index + 1).Take(end - labels[k].Index - 1).ToList();
                    OpenBlock(labels[k].Match!.Value, row.Cells[labels[k].Index], rest, row);
                }
            }
            else if (_indicators.TryHeader(row)
                || (_block is not (FormBlock.ApplicantOpinion or FormBlock.RecommenderOpinion) && _indicators.TryRow(row)))
            {
                _block = FormBlock.Indicators;
                _blockTable = row.TableId;
                _seen.Add(FormBlock.Indicators);
            }
            else if (!TryColumnHeaders(row, inferBlock: true))
            {
                AddToBlock(row.Cells);
            }

            _previousRow = row;
        }

        private void OpenBlock(LabelMatch label, FormCell labelCell, List<FormCell> rest, FormRow row)
        {
            var block = label.Block == FormBlock.Contact
                ? (HasValues(Form.ApplicantContact) ? FormBlock.RecommenderContact : FormBlock.ApplicantContact)
                : label.Block;
            _seen.Add(block);
            _block = block;
            _blockTable = row.TableId;
            var inline = label.InlineValue;
            switch (block)
            {
                case FormBlock.CaseName or FormBlock.Applicant or FormBlock.Recommender:
                    // A one-line field: 推荐单位：… heading an opinion cell names the unit, the lines after it are not the name.
                    var fromLabel = FormText.Value(inline?.Split('\n')[0]);
                    SetSimple(block, fromLabel ?? FormText.Value(string.Join(" ", rest.Select(c => c.Text))),
                        fromLabel is not null ? labelCell.Confidence : Least(rest));
                    break;
                case FormBlock.CaseType or FormBlock.ApplicantOpinion or FormBlock.RecommenderOpinion:
                    Append(block, inline, labelCell.Confidence);
                    AddToBlock(rest);
                    break;
                case FormBlock.ApplicantContact or FormBlock.RecommenderContact or FormBlock.Creators:
                    if (!TryColumnHeaders(new FormRow(rest, row.TableId), inferBlock: false))
                    {
                        if (_columnsRow is not null && _columnsRow != _previousRow)
                        {
                            _columns = null;
                        }

                        if (inline is not null)
                        {
                            AddToBlock([new FormCell(inline, -1, -1, labelCell.Confidence)]);
                        }

                        AddToBlock(rest);
                    }

                    break;
            }
        }

        private void SetSimple(FormBlock block, string? value, double confidence)
        {
            if (value is null)
            {
                return; // the value may follow in the next row (a label merged over two rows)
            }

            switch (block)
            {
                case FormBlock.CaseName when Form.CaseName is null:
                    Form.CaseName = value;
                    _parsed.Read("caseName", confidence);
                    break;
                case FormBlock.Applicant when Form.Applicant is null:
                    Form.Applicant = value;
                    _parsed.Read("applicant", confidence);
                    break;
                case FormBlock.Recommender when _recommenderFromLabel is null:
                    _recommenderFromLabel = value;
                    _recommenderFromLabelConfidence = confidence;
                    break;
            }

            _block = FormBlock.None;
        }

        private void Append(FormBlock block, string? text, double confidence)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            _blockConfidence[block] = Math.Min(confidence, _blockConfidence.GetValueOrDefault(block, 1));

            var builder = block switch
            {
                FormBlock.CaseType => _typeText,
                FormBlock.ApplicantOpinion => _applicantOpinion,
                _ => _recommenderOpinion,
            };
            builder.Append(builder.Length > 0 ? "\n" : "").Append(text.Trim());
        }

        private void AddToBlock(IReadOnlyList<FormCell> cells)
        {
            var values = cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
            if (values.Count == 0)
            {
                return;
            }

            switch (_block)
            {
                case FormBlock.CaseName or FormBlock.Applicant or FormBlock.Recommender:
                    SetSimple(_block, FormText.Value(string.Join(" ", values.Select(c => c.Text))), Least(values));
                    break;
                case FormBlock.CaseType:
                    Append(_block, string.Join(" ", values.Select(c => c.Text)), Least(values));
                    break;
                case FormBlock.ApplicantOpinion or FormBlock.RecommenderOpinion:
                    foreach (var cell in values)
                    {
                        Append(_block, cell.Text, cell.Confidence);
                    }

                    break;
                case FormBlock.ApplicantContact or FormBlock.RecommenderContact:
                    var applicant = _block == FormBlock.ApplicantContact;
                    var contact = applicant ? Form.ApplicantContact ??= new Contact() : Form.RecommenderContact ??= new Contact();
                    foreach (var (field, value, confidence) in MapToColumns(values, [ColumnField.Name, ColumnField.Title, ColumnField.Phone, ColumnField.Email]))
                    {
                        if (SetContact(contact, field, value))
                        {
                            _parsed.Read($"{(applicant ? "applicantContact" : "recommenderContact")}.{PathOf(field)}", confidence);
                        }
                    }

                    break;
                case FormBlock.Creators:
                    var creator = new Creator();
                    var read = new List<(ColumnField, double)>();
                    foreach (var (field, value, confidence) in MapToColumns(values, [ColumnField.Name, ColumnField.Title, ColumnField.Rank]))
                    {
                        if (SetCreator(creator, field, value))
                        {
                            read.Add((field, confidence));
                        }
                    }

                    if (creator.Name is not null || creator.Title is not null || creator.Rank is not null)
                    {
                        foreach (var (field, confidence) in read)
                        {
                            _parsed.Read($"creators[{Form.Creators.Count}].{PathOf(field)}", confidence);
                        }

                        Form.Creators.Add(creator);
                    }

                    break;
            }
        }

        /// <summary>Assigns each value cell to a field: an inline <c>电话：…</c> names its own; otherwise the column header
        /// above it with the largest overlap; without headers, the form's column order.</summary>
        private List<(ColumnField Field, string Value, double Confidence)> MapToColumns(List<FormCell> values, ColumnField[] order)
        {
            var result = new List<(ColumnField, string, double)>();
            var free = new Queue<ColumnField>(order);
            foreach (var cell in values)
            {
                if (FormLabels.InlinePair(cell.Text) is { } pair)
                {
                    if (pair.Value is not null)
                    {
                        result.Add((pair.Field, pair.Value, cell.Confidence));
                    }

                    continue;
                }

                var value = FormText.Value(cell.Text);
                if (value is null)
                {
                    continue;
                }

                ColumnField? field = null;
                if (_columns is not null)
                {
                    var best = _columns.Select(c => (c.Field, Overlap: c.Cell.Overlap(cell))).Where(c => c.Overlap > 0)
                        .OrderByDescending(c => c.Overlap).FirstOrDefault();
                    field = best.Overlap > 0 ? best.Field : null;
                }

                if (field is null && _columns is null)
                {
                    field = free.Count > 0 ? free.Dequeue() : null;
                }

                if (field is { } f and not ColumnField.Ignored)
                {
                    result.Add((f, value, cell.Confidence));
                }
            }

            return result;
        }

        /// <summary>Sets a contact's field unless it is set already; whether it was set.</summary>
        private static bool SetContact(Contact contact, ColumnField field, string value)
        {
            switch (field)
            {
                case ColumnField.Name when contact.Name is null:
                    contact.Name = value;
                    return true;
                case ColumnField.Title when contact.Title is null:
                    contact.Title = value;
                    return true;
                case ColumnField.Phone when contact.Phone is null:
                    contact.Phone = value;
                    return true;
                case ColumnField.Email when contact.Email is null:
                    contact.Email = value;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Sets a creator's field unless it is set already; whether it was set.</summary>
        private static bool SetCreator(Creator creator, ColumnField field, string value)
        {
            switch (field)
            {
                case ColumnField.Name when creator.Name is null:
                    creator.Name = value;
                    return true;
                case ColumnField.Title when creator.Title is null:
                    creator.Title = value;
                    return true;
                case ColumnField.Rank when creator.Rank is null:
                    creator.Rank = value;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The record's name of a column's field (<c>applicantContact.phone</c>, <c>creators[0].rank</c>).</summary>
        private static string PathOf(ColumnField field) => field switch
        {
            ColumnField.Name => "name",
            ColumnField.Title => "title",
            ColumnField.Rank => "rank",
            ColumnField.Phone => "phone",
            ColumnField.Email => "email",
            _ => "",
        };

        private static double Least(IEnumerable<FormCell> cells) => cells.Select(c => c.Confidence).DefaultIfEmpty(1).Min();

        /// <summary>A row of column headers (姓名 | 职务(部门) | 电话 | 电子邮箱): remembered for the value rows below it.</summary>
        private bool TryColumnHeaders(FormRow row, bool inferBlock)
        {
            var columns = new List<(ColumnField, FormCell)>();
            foreach (var cell in row.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)))
            {
                if (FormLabels.Column(cell.Text) is not { } field)
                {
                    return false;
                }

                columns.Add((field, cell));
            }

            if (columns.Count(c => c.Item1 != ColumnField.Ignored) < 2)
            {
                return false;
            }

            _columns = columns;
            _columnsRow = row;
            if (inferBlock && _block is not (FormBlock.ApplicantContact or FormBlock.RecommenderContact or FormBlock.Creators))
            {
                // Headers before their label (the label sits in the value row): guess the block; the label corrects it.
                _block = columns.Any(c => c.Item1 == ColumnField.Rank) ? FormBlock.Creators
                    : HasValues(Form.ApplicantContact) ? FormBlock.RecommenderContact : FormBlock.ApplicantContact;
                _blockTable = row.TableId;
            }

            return true;
        }

        private static bool HasValues(Contact? contact) =>
            contact is not null && (contact.Name ?? contact.Title ?? contact.Phone ?? contact.Email) is not null;

        public ParsedForm Finish()
        {
            var typeText = _typeText.ToString();
            _parsed.TypeText = _seen.Contains(FormBlock.CaseType) ? typeText : null;
            Form.DeclaredTypes = CheckboxText.TickedTypes(typeText);
            foreach (var name in IndicatorNames.All)
            {
                Form.Indicators.TryAdd(name, [null, null]);
            }

            var (applicantOpinion, _) = SignatureFurniture.Split(_applicantOpinion.ToString());
            var (recommenderOpinion, recommender) = SignatureFurniture.Split(_recommenderOpinion.ToString());
            Form.ApplicantOpinion = applicantOpinion;
            Form.RecommenderOpinion = recommenderOpinion;
            Form.Recommender = _recommenderFromLabel ?? recommender;
            ReadBlock("declaredTypes", FormBlock.CaseType, _parsed.TypeText is not null);
            ReadBlock("applicantOpinion", FormBlock.ApplicantOpinion, applicantOpinion is not null);
            ReadBlock("recommenderOpinion", FormBlock.RecommenderOpinion, recommenderOpinion is not null);
            if (Form.Recommender is not null)
            {
                _parsed.Read("recommender", _recommenderFromLabel is not null
                    ? _recommenderFromLabelConfidence
                    : _blockConfidence.GetValueOrDefault(FormBlock.RecommenderOpinion, 1));
            }

            if (Form.CaseName is not null || Form.Applicant is not null)
            {
                _seen.Add(Form.CaseName is not null ? FormBlock.CaseName : FormBlock.Applicant);
            }

            _parsed.Score = _seen.Count;
            return _parsed;
        }

        private void ReadBlock(string path, FormBlock block, bool read)
        {
            if (read)
            {
                _parsed.Read(path, _blockConfidence.GetValueOrDefault(block, 1));
            }
        }
    }
}
