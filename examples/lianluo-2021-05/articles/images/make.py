"""Draws the two example pictures with Pillow (run: python3 make.py; Pillow 10 or later).

They stand in for an editor's photos: a meeting hall (RGB JPEG, as a phone or camera
writes it) and a village road (CMYK JPEG, as a print shop's image desk prepares it). Both
are 660 × 440 pixels, about 215 ppi at the column width of the two-column layout.
"""
from PIL import Image, ImageDraw, ImageFilter

W, H = 660, 440


def sky(draw, top, bottom, y0, y1):
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0)
        draw.line([(0, y), (W, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))


def hall():
    im = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(im)
    sky(d, (236, 228, 214), (196, 180, 160), 0, H)
    # The stage: a red backdrop, a banner and a long table.
    d.rectangle([60, 40, 600, 220], fill=(170, 28, 32))
    d.rectangle([120, 60, 540, 100], fill=(232, 196, 120))
    d.rectangle([90, 200, 570, 250], fill=(120, 72, 40))
    for x in range(120, 560, 60):
        d.ellipse([x, 160, x + 26, 186], fill=(60, 46, 40))
        d.rectangle([x - 4, 186, x + 30, 210], fill=(40, 44, 60))
    # Rows of seats towards the viewer.
    for row, y in enumerate(range(280, H, 40)):
        for x in range(20 + (row % 2) * 30, W, 60):
            d.ellipse([x, y, x + 24, y + 24], fill=(50, 40, 36))
            d.rectangle([x - 6, y + 22, x + 30, y + 40], fill=(30, 50, 90))
    return im.filter(ImageFilter.GaussianBlur(1.2))


def road():
    im = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(im)
    sky(d, (150, 190, 230), (225, 235, 240), 0, 200)
    sky(d, (120, 170, 80), (70, 120, 50), 200, H)
    d.polygon([(300, 200), (360, 200), (560, H), (100, H)], fill=(150, 150, 150))
    d.line([(330, 205), (330, H)], fill=(240, 240, 240), width=4)
    for x in (40, 140, 470, 570):
        d.rectangle([x, 120, x + 70, 200], fill=(235, 232, 220))
        d.polygon([(x - 8, 120), (x + 35, 90), (x + 78, 120)], fill=(90, 90, 100))
    return im.filter(ImageFilter.GaussianBlur(1.0))


hall().save("hall.jpg", quality=82, optimize=True)
road().convert("CMYK").save("road-cmyk.jpg", quality=82)
