#!/usr/bin/env python3
"""Writes the hand-made input fixtures in Tests/Fixtures/formats/ and Tests/Fixtures/malformed/.

Standard library only. The XLSX files are assembled from XML written here (no spreadsheet program),
so every cell type, style and layout quirk is deliberate. Run from anywhere:
    python3 Tests/Fixtures/make-fixtures.py
"""
import io
import json
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = os.path.join(HERE, "formats")
MALFORMED = os.path.join(HERE, "malformed")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def xlsx(sheets, shared=None, styles=None, date1904=False, extra=None, omit=()):
    """sheets: list of (name, sheet_xml_body or full xml). Returns bytes of a zip."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def add(name, text):
            if name in omit:
                return
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
        add("[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>')
        pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
        sheet_tags = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
        add("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {RNS}>{pr}<sheets>{sheet_tags}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                       f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        add("xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for i, (_, body) in enumerate(sheets):
            text = body if body.lstrip().startswith("<?xml") or body.lstrip().startswith("<!") else \
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{body}</sheetData></worksheet>'
            add(f"xl/worksheets/sheet{i + 1}.xml", text)
        if shared is not None:
            items = "".join(s if s.startswith("<si>") else f'<si><t xml:space="preserve">{s}</t></si>' for s in shared)
            add("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{len(shared)}">{items}</sst>')
        if styles is not None:
            add("xl/styles.xml", styles)
        for name, text in (extra or {}).items():
            add(name, text)
    return buf.getvalue()


STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}>'
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/>'
          '<numFmt numFmtId="165" formatCode="[$-414]d\\.\\ mmmm\\ yyyy;@"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/>'
          '<xf numFmtId="22"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs></styleSheet>')


def s(ref, idx):
    return f'<c r="{ref}" t="s"><v>{idx}</v></c>'


def n(ref, v, style=None):
    st = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{st}><v>{v}</v></c>'


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def formats():
    # 1. Dates (1900 system), sparse rows and cells, a title row, rich text, booleans, errors.
    shared = ["NAV-kontorundersøkelsen 2019 – eksport", "id", "dato", "rolle", "svar", "tid", "flagg", "veileder",
              '<si><r><t>Tiltaksplassene er </t></r><r><rPr><b/></rPr><t>for få</t></r><r><t xml:space="preserve"> på kontoret.</t></r>'
              '<rPh sb="0" eb="1"><t>FONETISK</t></rPh></si>',
              "leder", "Saksbehandlingstida er for lang &amp; «uforutsigbar»"]
    rows = [
        f'<row r="1">{s("A1", 0)}</row>',
        f'<row r="3">{s("A3", 1)}{s("B3", 2)}{s("C3", 3)}{s("D3", 4)}{s("E3", 5)}{s("F3", 6)}</row>',
        f'<row r="4">{inline("A4", "R1")}{n("B4", 43466, 1)}{s("C4", 7)}{s("D4", 8)}{n("E4", 0.5, 3)}'
        f'<c r="F4" t="b"><v>1</v></c></row>',
        f'<row r="5">{inline("A5", "R2")}{n("B5", 43524.75, 4)}{s("C5", 9)}{s("D5", 10)}{n("E5", 0.25, 3)}'
        f'<c r="F5" t="b"><v>0</v></c></row>',
        # row 6 is absent (sparse rows); row 7 has only A and D (sparse cells)
        f'<row r="7">{inline("A7", "R3")}{inline("D7", "Bare svar, ingen bakgrunn")}</row>',
        f'<row r="8">{inline("A8", "R4")}{n("B8", 60, 2)}<c r="C8" t="e"><v>#N/A</v></c>'
        f'<c r="D8" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>{n("E8", 3.5)}</row>',
        f'<row r="9">{inline("A9", "R5")}{n("B9", 44197, 5)}{inline("C9", "leder")}'
        f'<c r="D9" t="inlineStr"><is><r><t>Rik </t></r><r><t>tekst</t></r></is></c>{n("E9", 1234567, 6)}</row>',
        '<row r="10"></row>',
    ]
    write(os.path.join(FORMATS, "dates-sparse.xlsx"), xlsx([("Svar", "".join(rows))], shared=shared, styles=STYLES))
    # 2. The 1904 date system: serial 0 is 1904-01-01.
    rows1904 = (f'<row r="1">{inline("A1", "id")}{inline("B1", "dato")}{inline("C1", "svar")}</row>'
                f'<row r="2">{inline("A2", "R1")}{n("B2", 0, 1)}{inline("C2", "Første")}</row>'
                f'<row r="3">{inline("A3", "R2")}{n("B3", 42004, 1)}{inline("C3", "Andre")}</row>')
    write(os.path.join(FORMATS, "date1904.xlsx"), xlsx([("Ark1", rows1904)], styles=STYLES, date1904=True))
    # 3. Two sheets; the answers are on the second.
    info = f'<row r="1">{inline("A1", "Denne arkfanen er bare informasjon")}</row>'
    svar = (f'<row r="1">{inline("A1", "id")}{inline("B1", "text")}</row>'
            f'<row r="2">{inline("A2", "R1")}{inline("B2", "Vi trenger flere tiltaksplasser")}</row>'
            f'<row r="3">{inline("A3", "R2")}{inline("B3", "Samarbeidet med NAY er dårlig")}</row>')
    write(os.path.join(FORMATS, "two-sheets.xlsx"), xlsx([("Info", info), ("Svar", svar)]))
    # 4. Norwegian Excel CSV: Windows-1252, semicolons, CRLF, quoted ; and line break, no final newline.
    text = ('id;rolle;arbeidsgiver;svar\r\n'
            'R1;veileder;statlig;"Tiltaksplassene er få; ventetida lang"\r\n'
            'R2;leder;kommunal;"Vi må ha «mer» tid til brukerne.\r\nOgså bedre IKT – især Modia"\r\n'
            'R3;fagansvarlig;kommunal;Økt arbeidsmengde på grunn av AAP-søknader\r\n'
            'R4;veileder;statlig;')
    write(os.path.join(FORMATS, "win1252-semicolon.csv"), text.encode("cp1252"))
    # 5. UTF-16 BE with BOM, tab-separated.
    write(os.path.join(FORMATS, "utf16be.tsv"), b"\xfe\xff" + "id\ttext\nR1\tSakshandsaminga tek for lang tid\nR2\tEg veit ikkje\n".encode("utf-16-be"))
    # 6. JSON Lines and a JSON array with the same records.
    records = [
        {"id": "R1", "role": "veileder", "text": "Tiltaksplassene er for få", "age": 45, "leder": False},
        {"id": "R2", "role": "leder", "text": "For mye «rapportering»\nog for lite tid", "age": 52.5, "leder": True},
        {"id": "R3", "text": None, "role": "merkantil", "extra": {"kanal": ["telefon", "chat"]}},
    ]
    write(os.path.join(FORMATS, "answers.jsonl"), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    write(os.path.join(FORMATS, "answers.json"), json.dumps(records, ensure_ascii=False, indent=2))


def malformed():
    m = lambda name, data: write(os.path.join(MALFORMED, name), data)
    ok_sheet = (f'<row r="1">{inline("A1", "id")}{inline("B1", "text")}</row>'
                f'<row r="2">{inline("A2", "R1")}{inline("B2", "Greit nok")}</row>')
    good_xlsx = xlsx([("Svar", ok_sheet)])
    m("unterminated-quote.csv", 'id,text\nR1,ok\nR2,"dette svaret\nslutter aldri\nR3,neste\n')
    m("unterminated-quote-1252.csv", 'id;text\r\nR1;"Tiltaksplassene er få\r\nR2;neste\r\n'.encode("cp1252"))
    m("ragged-short.csv", "id,role,text\nR1,veileder,Greit\nR2,leder\nR3,leder,Bra\n")
    m("ragged-long.csv", "id,role,text\nR1,veileder,Greit\nR2,leder,Bra,ekstra,felt\nR3,leder,Bra\n")
    m("ragged-strict.csv", "id,role,text\nR1,veileder,Greit\nR2,leder\n")
    m("missing-text-column.csv", "id,svar\nR1,Greit\n")
    m("missing-id-column.csv", "nr,text\n1,Greit\n")
    m("duplicate-ids.csv", "id,text\nR1,Første\nR2,Andre\nR1,Tredje\n")
    m("empty.csv", b"")
    m("only-bom.csv", b"\xef\xbb\xbf")
    m("only-whitespace.csv", "\n\n  \n")
    m("binary.csv", bytes((i * 37 + 11) % 32 for i in range(2000)))
    m("xlsx-named.csv", good_xlsx)
    m("csv-named.sav", "id,text\nR1,Dette er egentlig en CSV-fil\n")
    m("csv-named.xlsx", "id;text\nR1;Lagret som CSV, men med .xlsx-navn\n")
    m("truncated.xlsx", good_xlsx[: len(good_xlsx) // 2])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    m("password.xlsx", ole + "EncryptionInfo".encode("utf-16-le") + bytes(200) + "EncryptedPackage".encode("utf-16-le") + bytes(300))
    m("old-excel.xls", ole + "Workbook".encode("utf-16-le") + bytes(500))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("data.txt", FIXED_TIME), "hei")
    m("plain-zip.xlsx", buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("word/document.xml", FIXED_TIME), "<w:document/>")
    m("word-document.xlsx", buf.getvalue())
    m("bad-xml.xlsx", xlsx([("Svar", f'<row r="1">{inline("A1", "id")}<c r="B1" t="inlineStr"><is><t>text</is></c></row>')]))
    m("missing-sheet-part.xlsx", xlsx([("Svar", ok_sheet)], omit=("xl/worksheets/sheet1.xml",)))
    m("empty-sheet.xlsx", xlsx([("Svar", "")]))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
              f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    m("entity-dtd.xlsx", xlsx([("Svar", laughs)]))
    m("wrong-sheet.xlsx", good_xlsx)
    m("missing-shared-string.xlsx", xlsx([("Svar", f'<row r="1">{inline("A1", "id")}{inline("B1", "text")}</row>'
                                                   f'<row r="2">{inline("A2", "R1")}{s("B2", 7)}</row>')], shared=["bare én"]))
    m("beyond-header.xlsx", xlsx([("Svar", f'<row r="1">{inline("A1", "id")}{inline("B1", "text")}</row>'
                                            f'<row r="2">{inline("A2", "R1")}{inline("B2", "Svar")}{inline("E2", "notat i margen")}</row>')]))
    m("far-column.xlsx", xlsx([("Svar", f'<row r="1">{inline("A1", "id")}{inline("B1", "text")}</row>'
                                         f'<row r="2">{inline("A2", "R1")}{inline("B2", "Svar")}{inline("XFD2", "helt ute til høyre")}</row>')]))
    # A real password-protected workbook keeps its directory in a sector named by the header (offset 0x30).
    hdr = bytearray(ole)
    hdr[0x1E:0x20] = (9).to_bytes(2, "little")        # 512-byte sectors
    hdr[0x30:0x34] = (3).to_bytes(4, "little")        # directory starts at sector 3 = file offset 2048
    body = bytearray(hdr) + bytes(2048 - len(hdr))
    body += "Root Entry".encode("utf-16-le").ljust(128, b"\0") + "EncryptedPackage".encode("utf-16-le").ljust(128, b"\0")
    m("password-dir-sector.xlsx", bytes(body))
    m("invalid-utf8.csv", b"id,text\nR1,Tiltaksplassene er f\xe5\nR2,Greit \xff\xfe nok\n")
    m("nul-bytes.csv", b"id,text\nR1,hei\x00 du\nR2,Greit\n")
    m("odd-utf16.csv", b"\xff\xfe" + "id,text\nR1,hei\n".encode("utf-16-le") + b"\x00")
    m("truncated.sav", b"$FL2@(#) IBM SPSS STATISTICS 64-bit Linux" + bytes(20))
    m("garbage.dta", b"<stata_dta><header><release>118</release>" + bytes(40))
    m("garbage.por", b"ASCII SPSS PORT FILE" + b" " * 180 + bytes(range(256)) + b"SPSSPORT" + b"garbage")
    m("bad-array.json", '[\n  {"id": "R1", "text": "Greit"},\n  {"id": "R2", "text": "mangler komma" "x"}\n]\n')
    m("bad-line.jsonl", '{"id": "R1", "text": "Greit"}\n{"id": "R2", "text": "aldri lukket}\n{"id": "R3", "text": "Bra"}\n')
    m("not-object.jsonl", '{"id": "R1", "text": "Greit"}\n42\n{"id": "R3", "text": "Bra"}\n')
    m("deep-nesting.json", "[" * 5000 + "]" * 5000)
    m("csv-named.json", "id,text\nR1,Greit\n")
    m("blank-lines.csv", "id,text\n\nR1,Greit\n\n\nR2,Bra\n")
    m("duplicate-header.csv", "id,text,text\nR1,Greit,igjen\n")
    m("empty-header-name.csv", "id,,text\nR1,x,Greit\n")
    m("header-only.csv", "id,text\n")
    m("text-after-quote.csv", 'id,text\nR1,"sitert"og mer\nR2,Greit\n')


if __name__ == "__main__":
    formats()
    malformed()
    print("fixtures written to", FORMATS, "and", MALFORMED)
