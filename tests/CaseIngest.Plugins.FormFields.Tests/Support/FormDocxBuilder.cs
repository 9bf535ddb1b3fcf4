using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseIngest.Plugins.FormFields.Tests.Support;

/// <summary>Writes a 申报表 .docx with the OpenXml SDK, in the checkbox kind and layout variants of a <see cref="FormSpec"/>.</summary>
internal static class FormDocxBuilder
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private static readonly string[] s_types = ["业务融合创新类", "经营管理类", "新型数字基础设施类", "产品/装备创新类", "解决方案类", "其他"];
    private static readonly string[] s_indicatorLabels =
        ["主营业务收入", "数字化业务收入", "数智化建设投入", "数智化专业人才占企业员工总数的比例", "数智化领域的专利或软件著作权数量"];

    public static string Write(FormSpec spec, string directory, string name = "申报表.docx")
    {
        var path = Path.Combine(directory, name);
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            main.Document.AddNamespaceDeclaration("w14", W14);
            Build(spec, body);
        }

        return path;
    }

    private static void Build(FormSpec spec, Body body)
    {
        var larger = spec.Layout.HasFlag(LayoutVariant.InsideLargerDocument);
        if (larger)
        {
            body.Append(Para("关于报送第八届智慧企业建设创新案例的函"), Para("现将我单位案例材料报送如下，案例名称见申报表。"), Para("附件 1"));
        }

        body.Append(Para("第八届智慧企业建设创新案例申报表"));
        var form = FormTable(spec);
        if (spec.Layout.HasFlag(LayoutVariant.NestedInLayoutTable))
        {
            body.Append(new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("（版式表格）"))), form, new Paragraph()))));
        }
        else
        {
            body.Append(form);
        }

        if (larger)
        {
            body.Append(Para("附件 2"), Para("一、企业概况"), Para("公司主营业务收入稳步增长，推荐单位：某某协会。"));
            // A report table that names an indicator must not overwrite the form's figures.
            body.Append(new Table(Row(Cell("主营业务收入"), Cell("万元"), Cell("1"), Cell("2"))));
            body.Append(Para("二、案例内容"));
        }
    }

    private static Table FormTable(FormSpec spec)
    {
        var v = spec.Layout;
        // Ruled like the official form: a PDF export keeps the rules, and the PDF reader finds cells by them.
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(
            new TableProperties(new TableWidth { Width = "8305", Type = TableWidthUnitValues.Dxa }, borders),
            new TableGrid(Enumerable.Range(0, 5).Select(_ => new GridColumn { Width = "1661" })));
        List<List<TableRow>> blocks =
        [
            [LabelValue(spec, "案例名称", spec.CaseName)],
            [LabelValue(spec, "申报单位名称", spec.Applicant)],
            [Row(Cell(Label(spec, "案例类型")), Cell(TypeParagraph(spec), 4))],
            IndicatorRows(spec),
            ContactRows(spec, "申报单位联系人", spec.ApplicantContact),
            [Row(Cell(Label(spec, "申报单位意见")), Cell([Value(spec, spec.ApplicantOpinion), Para("申报单位盖章            年    月    日")], 4))],
            CreatorRows(spec),
            ContactRows(spec, "推荐单位联系人", spec.RecommenderContact),
            [Row(Cell(Label(spec, "推荐单位意见")), Cell([Value(spec, spec.RecommenderOpinion), Value(spec, string.Format(CultureInfo.InvariantCulture, spec.RecommenderLine, spec.Recommender)), Para("推荐单位盖章            年    月    日")], 4))],
        ];
        if (v.HasFlag(LayoutVariant.OtherOrder))
        {
            blocks = [blocks[7], blocks[8], blocks[6], blocks[0], blocks[1], blocks[2], blocks[3], blocks[4], blocks[5]];
        }

        foreach (var block in blocks)
        {
            table.Append(block);
            if (v.HasFlag(LayoutVariant.EmptyRows))
            {
                table.Append(Row(Cell(""), Cell(""), Cell(""), Cell(""), Cell("")));
            }
        }

        return table;
    }

    private static TableRow LabelValue(FormSpec spec, string label, string value) =>
        spec.Layout.HasFlag(LayoutVariant.LabelAndValueInOneCell)
            ? Row(Cell(Value(spec, Label(spec, label) + "：" + value), 5))
            : Row(Cell(Label(spec, label)), Cell(Value(spec, value), 4));

    private static List<TableRow> IndicatorRows(FormSpec spec)
    {
        var rows = new List<TableRow> { Row(Cell("序号"), Cell("指标名称"), Cell("单位"), Cell("2024 年"), Cell("2025 年")) };
        for (var i = 0; i < 5; i++)
        {
            var cells = spec.Indicators[i];
            rows.Add(Row(Cell($"{i + 1}"), Cell(s_indicatorLabels[i]), Cell(cells[0]), Cell(Value(spec, cells[1])), Cell(Value(spec, cells[2]))));
        }

        return rows;
    }

    private static List<TableRow> ContactRows(FormSpec spec, string label, string[] values)
    {
        string[] headers = ["姓名", "职务(部门)", "电话", "电子邮箱"];
        if (spec.Layout.HasFlag(LayoutVariant.LabelAndValueInOneCell))
        {
            return [Row([Cell(Label(spec, label)), .. headers.Select((h, i) => Cell(Value(spec, Label(spec, h) + "：" + values[i])))])];
        }

        return
        [
            Row([LabelCell(spec, label, first: true), .. headers.Select(h => Cell(Label(spec, h)))]),
            Row([LabelCell(spec, label, first: false), .. values.Select(x => Cell(Value(spec, x)))]),
        ];
    }

    private static List<TableRow> CreatorRows(FormSpec spec)
    {
        var rows = new List<TableRow> { Row(LabelCell(spec, "创造人 (1-5位)", first: true), Cell(Label(spec, "姓名")), Cell("职务"), Cell("职称"), Cell("")) };
        foreach (var creator in spec.Creators)
        {
            rows.Add(Row([LabelCell(spec, "创造人 (1-5位)", first: false), .. creator.Select(x => Cell(Value(spec, x))), Cell("")]));
        }

        return rows;
    }

    // The label of a block over several rows: merged vertically, or repeated as empty cells as the corpus forms do.
    private static TableCell LabelCell(FormSpec spec, string label, bool first)
    {
        var merged = spec.Layout.HasFlag(LayoutVariant.MergedCells);
        var cell = first ? Cell(Label(spec, label)) : Cell("");
        if (merged)
        {
            cell.TableCellProperties ??= new TableCellProperties();
            cell.TableCellProperties.Append(new VerticalMerge { Val = first ? MergedCellValues.Restart : null });
        }

        return cell;
    }

    private static string Label(FormSpec spec, string label)
    {
        if (!spec.Layout.HasFlag(LayoutVariant.SpacedLabels) || label.Contains('('))
        {
            return label;
        }

        // 姓　名 with a full-width space; longer labels spaced letter by letter.
        return label.Length == 2 ? $"{label[0]}\u3000{label[1]}" : string.Join(" ", label.ToCharArray());
    }

    private static Paragraph TypeParagraph(FormSpec spec)
    {
        var paragraph = new Paragraph();
        foreach (var type in s_types)
        {
            var on = spec.TickedTypes.Contains(type);
            paragraph.Append(Checkbox(spec.Checkboxes, on));
            paragraph.Append(new Run(new Text(type + "  ") { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    private static OpenXmlElement Checkbox(CheckboxKind kind, bool on) => kind switch
    {
        CheckboxKind.SymbolTicks => new Run(new Text(on ? "☑" : "□")),
        CheckboxKind.SquareTicks => new Run(new Text(on ? "■" : "□")),
        CheckboxKind.CheckMarks => new Run(new Text(on ? "√" : "□")),
        CheckboxKind.ContentControl => ContentControlCheckbox(on, glyphChecked: on),
        CheckboxKind.ContentControlMisleadingGlyph => ContentControlCheckbox(on, glyphChecked: !on),
        CheckboxKind.LegacyChecked => LegacyCheckbox($"<w:default w:val=\"0\"/><w:checked w:val=\"{(on ? 1 : 0)}\"/>"),
        CheckboxKind.LegacyDefault => LegacyCheckbox($"<w:default w:val=\"{(on ? 1 : 0)}\"/>"),
        CheckboxKind.WingdingsSymbols => new Run(new SymbolChar { Font = "Wingdings", Char = on ? "F0FE" : "F0A8" }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static SdtRun ContentControlCheckbox(bool on, bool glyphChecked) => new(
        $"""
        <w:sdt xmlns:w="{W}" xmlns:w14="{W14}"><w:sdtPr><w14:checkbox><w14:checked w14:val="{(on ? 1 : 0)}"/>
        <w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>
        <w:sdtContent><w:r><w:t>{(glyphChecked ? "☒" : "☐")}</w:t></w:r></w:sdtContent></w:sdt>
        """);

    private static Run LegacyCheckbox(string state) => new(
        $"""
        <w:r xmlns:w="{W}"><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/>
        <w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>
        """);

    private static Paragraph Value(FormSpec spec, string text)
    {
        var v = spec.Layout;
        var runs = new List<OpenXmlElement>();
        if (v.HasFlag(LayoutVariant.ValuesSplitAcrossRuns) && text.Length > 1)
        {
            for (var i = 0; i < text.Length; i += 3)
            {
                var run = new Run(new Text(text.Substring(i, Math.Min(3, text.Length - i))) { Space = SpaceProcessingModeValues.Preserve });
                if (i % 2 == 0)
                {
                    run.PrependChild(new RunProperties(new Bold()));
                }

                runs.Add(run);
            }
        }
        else
        {
            runs.Add(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        if (v.HasFlag(LayoutVariant.ValuesInContentControls))
        {
            return new Paragraph(new SdtRun(new SdtProperties(new SdtAlias { Val = "填写" }, new SdtContentText()), new SdtContentRun(runs)));
        }

        return new Paragraph(runs);
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, int span = 1) => Cell(Para(text), span);

    private static TableCell Cell(Paragraph paragraph, int span = 1) => Cell([paragraph], span);

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int span = 1)
    {
        var cell = new TableCell();
        if (span > 1)
        {
            cell.Append(new TableCellProperties(new GridSpan { Val = span }));
        }

        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Descendants<FieldChar>().Any(f => f.FieldCharType?.Value == FieldCharValues.Begin)
                && !paragraph.Descendants<FieldChar>().Any(f => f.FieldCharType?.Value == FieldCharValues.End))
            {
                FixLegacyFields(paragraph);
            }

            cell.Append(paragraph);
        }

        return cell;
    }

    // Each legacy checkbox begin run gets its instruction and end runs right after it.
    private static void FixLegacyFields(Paragraph paragraph)
    {
        foreach (var begin in paragraph.Elements<Run>().Where(r => r.GetFirstChild<FieldChar>() is not null).ToList())
        {
            var end = new Run(new FieldChar { FieldCharType = FieldCharValues.End });
            var instruction = new Run(new FieldCode(" FORMCHECKBOX ") { Space = SpaceProcessingModeValues.Preserve });
            begin.InsertAfterSelf(instruction);
            instruction.InsertAfterSelf(end);
        }
    }
}
