#!/usr/bin/env python3
"""Reads OFD packages back with readers no one here wrote, for tests/ofd.rs.

Answers go to stdout in plain lines (the Rust side has no JSON parser); easyofd's own logging
and prints are kept off stdout.

  versions                      `NAME VERSION` per package (`-` when missing), and
                                `easyofd-embedded-fonts yes|no`: whether this easyofd draws text
                                with the OFD's embedded fonts (20260427 draws every character
                                in a hard-coded system 宋体 instead)
  ofdkit-text FILE              each page's text from ofdkit (reading order from geometry),
                                pages separated by a form feed
  easyofd-text FILE             the same from easyofd's parser (text objects in file order)
  easyofd-render FILE OUT.png   renders page 1 with easyofd (OFD -> PDF -> image); prints `dpi N`
  compare A.png B.png [X Y W H] grey images (or a region, in pixels) each scaled so its darkest
                                ink is black: `mean_diff`, `blank_diff` (white against B),
                                `ink_a`, `ink_b` (shares of pixels darker than mid-grey)
  validate XSD_DIR FILE         `PART valid` or `PART ERRORS` for every XML part, against the
                                GB/T 33190 schema files (OFD.xsd, Document.xsd, Page.xsd, Res.xsd)
"""

import contextlib
import io
import os
import sys
import tempfile
import zipfile


def versions():
    from importlib.metadata import PackageNotFoundError, version

    lines = []
    for name in ("easyofd", "ofdkit", "PyMuPDF", "reportlab", "lxml", "Pillow", "numpy"):
        try:
            lines.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            lines.append(f"{name} -")
    lines.append(f"easyofd-embedded-fonts {'yes' if easyofd_uses_embedded_fonts() else 'no'}")
    return "\n".join(lines)


def easyofd_uses_embedded_fonts():
    """Whether easyofd's text drawing picks the OFD's fonts (0.5.x) or always 宋体 (20260427)."""
    try:
        import inspect

        quiet()
        from easyofd.draw.draw_pdf import DrawPDF

        return 'font = "宋体"' not in inspect.getsource(DrawPDF.draw_chars)
    except Exception:
        return False


def ofdkit_text(path):
    import ofdkit

    with ofdkit.open(path) as doc:
        return "\f".join(page.text() for page in doc.pages)


def quiet():
    """easyofd logs through loguru and prints; keep stdout for the JSON answer."""
    try:
        from loguru import logger

        logger.remove()
    except ImportError:
        pass


def easyofd_data(path):
    quiet()
    from easyofd.ofd import OFD

    ofd = OFD()
    # easyofd writes scratch files into the working directory (give it its own) and prints.
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stdout(sys.stderr):
        os.chdir(scratch)
        try:
            ofd.read(path if os.path.isabs(path) else os.path.join(cwd, path), fmt="path")
        finally:
            os.chdir(cwd)
    return ofd


def easyofd_text(path):
    ofd = easyofd_data(path)
    pages = ofd.data[0]["page_info"]
    return "\f".join("".join(cell["text"] for cell in pages[key]["text_list"]) for key in sorted(pages))


def easyofd_render(path, out):
    ofd = easyofd_data(path)
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stdout(sys.stderr):
        os.chdir(scratch)
        try:
            images = ofd.to_jpg()
        finally:
            os.chdir(cwd)
    images[0].save(out)
    # easyofd draws at 200 units per inch and rasterises at zoom 2.
    return f"dpi {round(images[0].size[0] / (float(ofd.data[0]['page_size'][0][2]) / 25.4))}"


def compare(a, b, box=None):
    """Mean absolute grey difference after scaling each image so that its darkest ink is black:
    poppler renders CMYK 100 % K as grey 32 while easyofd's PDF gives black, which is a
    difference of rendering, not of what is drawn."""
    from PIL import Image

    ia, ib = Image.open(a).convert("L"), Image.open(b).convert("L")
    if ia.size != ib.size:
        ia = ia.resize(ib.size)
    if box:
        x, y, w, h = box
        ia, ib = ia.crop((x, y, x + w, y + h)), ib.crop((x, y, x + w, y + h))
    try:
        import numpy as np
    except ImportError:
        np = None
    if np is not None:
        pa, pb = (normalise_np(np.frombuffer(i.tobytes(), dtype=np.uint8).astype(np.float32)) for i in (ia, ib))
        n = max(1, pa.size)
        mean_diff, blank_diff = float(np.abs(pa - pb).mean()), float((255 - pb).mean())
        ink_a, ink_b = float((pa < 128).mean()), float((pb < 128).mean())
    else:
        pa, pb = normalise(list(ia.tobytes())), normalise(list(ib.tobytes()))
        n = max(1, len(pa))
        mean_diff = sum(abs(p - q) for p, q in zip(pa, pb)) / n
        blank_diff = sum(255 - q for q in pb) / n
        ink_a, ink_b = (sum(1 for p in px if p < 128) / n for px in (pa, pb))
    return f"mean_diff {mean_diff:.3f}\nblank_diff {blank_diff:.3f}\nink_a {ink_a:.4f}\nink_b {ink_b:.4f}"


def normalise_np(x):
    """`normalise` with numpy."""
    import numpy as np

    ink = np.sort(x[x < 200])
    dark = float(ink[len(ink) // 100]) if ink.size else 0.0
    return np.clip((x - dark) * (255 / max(1.0, 255 - dark)), 0, 255)


def normalise(pixels):
    """Grey values stretched so that the darkest ink (1st percentile of pixels below 200) is 0."""
    ink = sorted(p for p in pixels if p < 200)
    dark = ink[len(ink) // 100] if ink else 0
    scale = 255 / max(1, 255 - dark)
    return [min(255.0, max(0.0, (p - dark) * scale)) for p in pixels]


def validate(xsd_dir, path):
    from lxml import etree

    schemas = {}

    def schema(name):
        if name not in schemas:
            schemas[name] = etree.XMLSchema(etree.parse(os.path.join(xsd_dir, name)))
        return schemas[name]

    roots = {"OFD": "OFD.xsd", "Document": "Document.xsd", "Page": "Page.xsd", "Res": "Res.xsd"}
    report = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            doc = etree.parse(io.BytesIO(z.read(name)))
            local = etree.QName(doc.getroot()).localname
            if local not in roots:
                report[name] = f"no schema for <{local}>"
                continue
            s = schema(roots[local])
            report[name] = "valid" if s.validate(doc) else "; ".join(str(e) for e in s.error_log)
    return "\n".join(f"{name} {verdict}" for name, verdict in report.items())


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "versions":
        result = versions()
    elif command == "ofdkit-text":
        result = ofdkit_text(args[0])
    elif command == "easyofd-text":
        result = easyofd_text(args[0])
    elif command == "easyofd-render":
        result = easyofd_render(args[0], args[1])
    elif command == "compare":
        result = compare(args[0], args[1], [int(v) for v in args[2:6]] if len(args) >= 6 else None)
    elif command == "validate":
        result = validate(args[0], args[1])
    else:
        raise SystemExit(f"unknown command {command}")
    sys.stdout.flush()
    print(result)


if __name__ == "__main__":
    main(sys.argv)
