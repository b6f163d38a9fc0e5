"""Render an HTML fixture's text and tables into a PDF whose Chinese font is NOT embedded:
reportlab's STSong-Light CID font (UniGB-UCS2-H), as older government PDFs made with iText or
reportlab have. Readers need the Adobe-GB1 CMaps to get any text out of it.
usage: python3 stsong.py <in.html> <out.pdf>"""
import sys
from html.parser import HTMLParser
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))


class Blocks(HTMLParser):
    """<p> and <table><tr><td> of the fixture HTML, in order."""

    def __init__(self):
        super().__init__()
        self.blocks, self.row, self.cell, self.text = [], None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == 'p' and self.cell is None:
            self.text = ''
        elif tag == 'table':
            self.blocks.append(('table', []))
        elif tag == 'tr':
            self.row = []
        elif tag == 'td':
            self.cell = ''
        elif tag == 'br' and self.cell is not None:
            self.cell += '\n'

    def handle_endtag(self, tag):
        if tag == 'p' and self.text is not None:
            self.blocks.append(('p', self.text))
            self.text = None
        elif tag == 'td':
            self.row.append(self.cell)
            self.cell = None
        elif tag == 'tr':
            self.blocks[-1][1].append(self.row)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.text is not None:
            self.text += data


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def main(src, out):
    parser = Blocks()
    parser.feed(open(src, encoding='utf-8').read())
    body = ParagraphStyle('body', fontName='STSong-Light', fontSize=10, leading=15, wordWrap='CJK', firstLineIndent=20)
    cell = ParagraphStyle('cell', fontName='STSong-Light', fontSize=8, leading=10, wordWrap='CJK', alignment=1)
    story = []
    for kind, content in parser.blocks:
        if kind == 'p':
            story.append(Paragraph(esc(content), body))
            continue
        width = max(len(r) for r in content)
        rows = [[Paragraph(esc(c).replace('\n', '<br/>'), cell) for c in r] + [''] * (width - len(r)) for r in content]
        table = Table(rows, colWidths=[(A4[0] - 36 * mm) / width] * width, repeatRows=0)
        table.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, '#000000'), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]))
        story.append(table)
    SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm, bottomMargin=20 * mm).build(story)


main(sys.argv[1], sys.argv[2])
