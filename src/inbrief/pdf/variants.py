"""The PDF standards a build can claim, apart from the engine: the CLI lists them in its
options, and `inbrief --help` must not pay for loading the PDF stack to print them."""

# Variants whose claim we can make true and check (page-validation covers PDF/A-1..3 and
# PDF/UA-1); PDF/X-4 and PDF/A-4 embed random UUIDs, which would break reproducible output.
VARIANTS = ("pdf/ua-1", "pdf/a-1b", "pdf/a-2b", "pdf/a-2u", "pdf/a-3b", "pdf/a-3u")
DEFAULT_VARIANT = "pdf/ua-1"
