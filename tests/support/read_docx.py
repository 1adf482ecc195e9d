"""Reads .docx files with python-docx (Debian's python3-docx) and prints what the tests check, as JSON.

Usage: /usr/bin/python3 read_docx.py FILE.docx [FILE.docx ...]
An independent reader: nothing here comes from the code that wrote the files.
"""
import json
import re
import sys

import docx
from docx.oxml.ns import qn

ARABIC = re.compile('[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]')


def run_info(run):
    rpr = run._element.rPr
    fonts = rpr.find(qn('w:rFonts')) if rpr is not None else None
    rtl = rpr.find(qn('w:rtl')) if rpr is not None else None
    rtl_on = rtl is not None and rtl.get(qn('w:val')) not in ('0', 'false', 'off')
    return {
        'text': run.text,
        'rtl': bool(rtl_on),
        'cs': fonts.get(qn('w:cs')) if fonts is not None else None,
        'ascii': fonts.get(qn('w:ascii')) if fonts is not None else None,
    }


def on(parent, tag):
    """True when an on/off property is set and not switched off (w:val="0", "false" or "off")."""
    el = parent.find(qn(tag)) if parent is not None else None
    return el is not None and el.get(qn('w:val')) not in ('0', 'false', 'off')


def paragraphs_of(container):
    """Paragraphs of a body, header or footer, including those in tables (nested too)."""
    out = []
    for p in container.paragraphs:
        out.append(p)
    for t in container.tables:
        for row in t.rows:
            for cell in row.cells:
                out.extend(paragraphs_of(cell))
    return out


def fields_of(part_element):
    instr = [t.text.strip() for t in part_element.iter(qn('w:instrText')) if t.text and t.text.strip()]
    simple = [f.get(qn('w:instr')).strip() for f in part_element.iter(qn('w:fldSimple'))]
    return instr + simple


def field_results(part_element):
    """The values written in simple fields (what a reader shows before it works fields out)."""
    return [''.join(t.text or '' for t in f.iter(qn('w:t'))) for f in part_element.iter(qn('w:fldSimple'))]


def run_language(run):
    rpr = run._element.rPr
    lang = rpr.find(qn('w:lang')) if rpr is not None else None
    return lang.get(qn('w:val')) if lang is not None else None


def header_footer(hf):
    if hf is None or hf.is_linked_to_previous:
        return None
    paras = paragraphs_of(hf)
    return {'text': '\n'.join(p.text for p in paras), 'fields': fields_of(hf._element), 'field_results': field_results(hf._element)}


def read(path):
    d = docx.Document(path)
    body = paragraphs_of(d)
    sections = []
    for s in d.sections:
        sect = s._sectPr
        title_pg = sect.find(qn('w:titlePg'))
        pg_num = sect.find(qn('w:pgNumType'))
        sections.append({
            'width_mm': round(s.page_width.mm, 1),
            'height_mm': round(s.page_height.mm, 1),
            'orientation': 'landscape' if s.orientation == 1 else 'portrait',
            'margins_mm': [round(m.mm, 1) for m in (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin)],
            'first_page_different': title_pg is not None and title_pg.get(qn('w:val')) not in ('0', 'false'),
            'page_number_start': int(pg_num.get(qn('w:start'))) if pg_num is not None and pg_num.get(qn('w:start')) else None,
            'header': header_footer(s.header),
            'first_header': header_footer(s.first_page_header),
            'footer': header_footer(s.footer),
            'first_footer': header_footer(s.first_page_footer),
        })
    tables = []
    table_props = []
    for t in d.tables:
        tblpr = t._tbl.tblPr
        layout = tblpr.find(qn('w:tblLayout')) if tblpr is not None else None
        table_props.append({
            'layout': layout.get(qn('w:type')) if layout is not None else None,
            'grid_twips': [int(c.get(qn('w:w'))) for c in t._tbl.tblGrid.findall(qn('w:gridCol'))],
        })
        rows = []
        for row in t.rows:
            trpr = row._tr.trPr
            rows.append({
                'cells': [c.text for c in row.cells],
                'header': trpr is not None and trpr.find(qn('w:tblHeader')) is not None,
                'cant_split': on(trpr, 'w:cantSplit'),
            })
        tables.append(rows)
    runs = [run_info(r) for p in body for r in p.runs]
    hf_texts = []
    for s in sections:
        for k in ('header', 'first_header', 'footer', 'first_footer'):
            if s[k]:
                hf_texts.append(s[k]['text'])
    page_breaks_before = sum(1 for p in body if p._p.pPr is not None and p._p.pPr.find(qn('w:pageBreakBefore')) is not None)
    styles = d.styles.element
    defaults = styles.find(qn('w:docDefaults'))
    default_fonts = None
    if defaults is not None:
        f = defaults.find('.//' + qn('w:rFonts'))
        if f is not None:
            default_fonts = {k: f.get(qn('w:' + k)) for k in ('ascii', 'hAnsi', 'cs')}
    return {
        'paragraphs': [{'text': p.text, 'alignment': str(p.alignment) if p.alignment is not None else None} for p in body],
        'text': '\n'.join(p.text for p in body),
        'header_footer_text': '\n'.join(hf_texts),
        'sections': sections,
        'tables': tables,
        'table_props': table_props,
        'page_twips': [{'w': int(s._sectPr.find(qn('w:pgSz')).get(qn('w:w'))), 'h': int(s._sectPr.find(qn('w:pgSz')).get(qn('w:h'))), 'orient': s._sectPr.find(qn('w:pgSz')).get(qn('w:orient'))} for s in d.sections],
        'arabic_runs': [r for r in runs if ARABIC.search(r['text'] or '')],
        'latin_runs_rtl': [r for r in runs if r['rtl'] and not ARABIC.search(r['text'] or '')],
        'page_breaks_before': page_breaks_before,
        'default_fonts': default_fonts,
        'core': {'title': d.core_properties.title, 'author': d.core_properties.author, 'last_modified_by': d.core_properties.last_modified_by},
        'default_language': (lambda l: l.get(qn('w:val')) if l is not None else None)(defaults.find('.//' + qn('w:lang')) if defaults is not None else None),
        'paragraph_languages': [sorted({run_language(r) or '' for r in p.runs}) for p in body],
        'mixed_lines': [[{'text': r.text, 'rtl': run_info(r)['rtl']} for r in p.runs] for p in body if ARABIC.search(p.text) and re.search('[A-Za-z0-9]', p.text)],
    }


if __name__ == '__main__':
    out = {}
    for path in sys.argv[1:]:
        try:
            out[path] = read(path)
        except Exception as e:  # reported to the test, which fails with it
            out[path] = {'error': '%s: %s' % (type(e).__name__, e)}
    json.dump(out, sys.stdout, ensure_ascii=False)
