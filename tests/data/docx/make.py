#!/usr/bin/env python3
"""Writes the .docx test documents with a real Word-compatible writer (LibreOffice).

Each document is written here as flat ODF (.fodt) — lists with Chinese numbering defined
as list styles, headings numbered through their paragraph styles, a footnote, a table,
pictures, a text box — and converted by LibreOffice's own DOCX export, so numbering.xml,
styles.xml, fields and drawings are what a writer makes, not what a test wishes. The
expected article texts are written by hand (article.md here, the others in
tests/docx_import.rs). Running this again rewrites the .docx files (with new timestamps).

    apt-get install -y libreoffice-writer-nogui python3-pil   # or: pip install pillow
    python3 tests/data/docx/make.py
"""

import base64
import io
import os
import shutil
import subprocess
import tempfile

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


def picture(fmt, colour):
    """A tiny picture (24×16) as bytes."""
    image = Image.new("RGB", (24, 16), colour)
    for x in range(24):
        image.putpixel((x, 8), (255, 255, 255))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return base64.b64encode(out.getvalue()).decode()


HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls/>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
  <text:list-style style:name="GovList">
   <text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ...">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
   </text:list-level-style-number>
   <text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ...">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
   </text:list-level-style-number>
   <text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="nothing"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="B" style:family="text">
   <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="fr1" style:family="graphic">
   <style:graphic-properties style:wrap="none" style:vertical-pos="top" style:horizontal-pos="center"/>
  </style:style>
 </office:automatic-styles>
 <office:body>
  <office:text>
"""

TAIL = """  </office:text>
 </office:body>
</office:document>
"""


def gov_list(items, continues):
    """A GovList list of (text, level) items; `continues` carries on the numbering before it."""
    cont = ' text:continue-numbering="true"' if continues else ""
    body = "".join(f"<text:list-item>{nest(text, level)}</text:list-item>" for text, level in items)
    return f'<text:list text:style-name="GovList"{cont}>{body}</text:list>\n'


def nest(text, level):
    """The content of a level-1 list item holding `text` at `level`."""
    inner = f"<text:p>{text}</text:p>"
    for _ in range(level - 1):
        inner = f"<text:list><text:list-item>{inner}</text:list-item></text:list>"
    return inner


def frame(name, data, title="", desc="", anchor="as-char"):
    """A picture frame with embedded image data."""
    meta = (f"<svg:title>{title}</svg:title>" if title else "") + (f"<svg:desc>{desc}</svg:desc>" if desc else "")
    return (
        f'<draw:frame draw:style-name="fr1" draw:name="{name}" text:anchor-type="{anchor}" svg:width="4cm" svg:height="2.67cm">'
        f"<draw:image><office:binary-data>{data}</office:binary-data></draw:image>{meta}</draw:frame>"
    )


def article():
    """The main test article: everything an editor's article has."""
    png = picture("PNG", (200, 30, 30))
    body = []
    body.append(
        "<text:p>　　为深入学习贯彻全国两会精神，省人大常委会选举任免联络工作委员会组织开展了系列活动。"
        '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>本文根据工作简报整理。</text:p></text:note-body></text:note></text:p>\n"
    )
    body.append(
        '<text:p>　　<text:span text:style-name="B">聚焦主题</text:span><text:span text:style-name="B">主线。</text:span>'
        "活动紧扣“三高四新”战略，<text:line-break/>推动代表履职。</text:p>\n"
    )
    body.append(gov_list([('<text:span text:style-name="B">总体要求</text:span>', 1)], False))
    body.append("<text:p>　　坚持以人民为中心，全面提升代表工作水平。</text:p>\n")
    body.append(gov_list([("加强学习", 2)], True))
    body.append("<text:p>各级人大代表认真学习。</text:p>\n")
    body.append(gov_list([("深入调研", 2), ("走访企业", 3)], True))
    body.append(gov_list([("主要成效", 1), ("代表履职更加有力", 2)], True))
    body.append(f'<text:p>{frame("图片1", png)}</text:p>\n')
    body.append(
        '<text:p text:style-name="Caption">图<text:sequence text:ref-name="refFigure0" text:name="Figure" '
        'text:formula="ooow:Figure+1" style:num-format="1">1</text:sequence><text:tab/>调研组在企业察看生产线</text:p>\n'
    )
    rows = [("项目", "数量"), ("走访企业", "12家"), ("收集建议", "35条")]
    cells = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in row
        ) + "</table:table-row>"
        for row in rows
    )
    body.append(f'<table:table table:name="表格1"><table:table-column table:number-columns-repeated="2"/>{cells}</table:table>\n')
    body.append("<text:p>内部资料　注意保存</text:p>\n")
    return "".join(body)


def extras():
    """A second article: text box, a picture with only alt text, links, fields, literal markup."""
    jpeg = picture("JPEG", (30, 60, 200))
    body = []
    body.append(
        '<text:p>　　详见<text:a xlink:type="simple" xlink:href="http://www.hnrd.gov.cn/">省人大网站</text:a>。</text:p>\n'
    )
    body.append(
        '<text:p>正文段落。<draw:frame draw:name="文本框1" text:anchor-type="paragraph" svg:width="6cm" svg:height="2cm">'
        "<draw:text-box><text:p>文本框内的文字。</text:p></draw:text-box></draw:frame></text:p>\n"
    )
    body.append(f'<text:p>{frame("图片2", jpeg, title="", desc="座谈会现场")}</text:p>\n')
    body.append("<text:p>密码为**（已隐去）**，请勿外传。</text:p>\n")
    body.append("<text:p>![示例](a.png)</text:p>\n")
    body.append("<text:p>第一行<text:line-break/><text:line-break/>第二行</text:p>\n")
    body.append("<text:p>一、手工编号的标题</text:p>\n")
    body.append(
        '<text:p><text:span text:style-name="B">（一）加强学习。</text:span>'
        "各级人大代表认真学习，深入领会精神实质，把握核心要义，全面贯彻落实，推动工作再上新台阶。</text:p>\n"
    )
    body.append("<text:p>甲<text:tab/>乙</text:p>\n")
    body.append("<text:p>共<text:page-count>1</text:page-count>页</text:p>\n")
    return "".join(body)


OUTLINE = """
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1">
   <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/>
   <text:outline-level-style text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/>
  </text:outline-style>
"""


def headings():
    """Headings numbered through their paragraph styles (Word's heading numbering)."""
    h = lambda level, text: (
        f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{text}</text:h>\n'
    )
    return "".join([
        h(1, "总体要求"), "<text:p>正文。</text:p>\n", h(2, "加强学习"), h(2, "深入调研"),
        h(1, "主要成效"), h(2, "代表履职更加有力"),
    ])


def convert(name, body, styles=""):
    """Writes NAME.docx from the flat ODF body (and extra styles) through LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, f"{name}.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(HEAD.replace(" </office:styles>", styles + " </office:styles>") + body + TAIL)
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             "docx:MS Word 2007 XML", "--outdir", tmp, src],
            check=True, stdout=subprocess.DEVNULL,
        )
        shutil.copy(os.path.join(tmp, f"{name}.docx"), os.path.join(HERE, f"{name}.docx"))


if __name__ == "__main__":
    convert("article", article())
    convert("extras", extras())
    convert("headings", headings(), OUTLINE)
