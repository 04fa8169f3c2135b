"""Makes the small test pictures of tests/data/pictures with Pillow (a real JPEG/PNG writer).

Run: python3 make.py  (Pillow 10 or later). The pictures are committed; this script says how
they were made. Each is a 24 × 16 picture: left half one colour, right half another, so a
test can tell orientation and channels apart.
"""
from PIL import Image

W, H = 24, 16

def halves(mode, left, right):
    im = Image.new(mode, (W, H), left)
    im.paste(Image.new(mode, (W // 2, H), right), (W // 2, 0))
    return im

halves("RGB", (200, 30, 40), (20, 60, 220)).save("rgb.jpg", quality=95)
halves("RGB", (200, 30, 40), (20, 60, 220)).save("rgb-progressive.jpg", quality=95, progressive=True)
halves("L", 40, 220).save("grey.jpg", quality=95)
# Pillow writes CMYK JPEGs as Adobe does: an APP14 marker and inverted channels.
halves("CMYK", (0, 204, 204, 0), (255, 0, 0, 0)).save("cmyk.jpg", quality=95)
halves("RGBA", (255, 0, 0, 255), (0, 0, 255, 0)).save("rgba.png")
halves("LA", (0, 255), (0, 128)).save("grey-alpha.png")
halves("P", 1, 2).save("palette.png")
halves("I;16", 0, 65535).save("grey16.png")
