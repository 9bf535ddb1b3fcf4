global using CaseIngest.Documents.Docx;
