"""
Pictures and PDF hand-outs drawn with Pillow, so that the demo needs no downloads and
every file is obviously a placeholder ("DEMO" is printed on each).
"""

import io

from PIL import Image, ImageDraw, ImageFont


def _font(size):
    # Pillow's bundled font scales since Pillow 10.1; no system fonts needed.
    return ImageFont.load_default(size=size)


def _centred(draw, box, text, font, fill):
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = box[0] + (box[2] - box[0] - (right - left)) / 2
    y = box[1] + (box[3] - box[1] - (bottom - top)) / 2
    draw.text((x, y), text, font=font, fill=fill)


def draw_tile(label, colour, size=(800, 500)):
    """A coloured tile with a circle symbol, a label and a DEMO mark, as PNG bytes."""
    width, height = size
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    radius = height // 5
    centre = (width // 2, height // 2 - radius // 2)
    draw.ellipse(
        (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
        outline="white",
        width=8,
    )
    _centred(draw, (0, centre[1] - radius, width, centre[1] + radius), label[:1].upper(), _font(radius), "white")
    _centred(draw, (0, height - 150, width, height - 70), label, _font(44), "white")
    draw.text((16, 12), "DEMO", font=_font(28), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_logo(initials, colour, size=400):
    """A round logo with initials on white, as PNG bytes."""
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, size - 20, size - 20), fill=colour)
    _centred(draw, (0, 0, size, size), initials, _font(size // 3), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def draw_pdf(lines):
    """A one-page A4 PDF with the given lines of text and a DEMO mark, as bytes."""
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text((100, 80), "DEMO – Beispieldokument des Willkommenszentrums", font=_font(30), fill="#c0392b")
    for number, line in enumerate(lines):
        draw.text((100, 200 + number * 60), line, font=_font(40), fill="black")
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
