"""The printable leaflet: PDFs of the whole walkthrough and of each stage, made from the typed model.

One job: hold the leaflet's modules. The post-build step `step.add_to_site` is the entry point
(listed in `walkthrough.postbuild.STEPS`); it writes site/leaflet/*.pdf and fills in the file
sizes shown next to the site's download links. The leaflet reads the same `Content` objects as
the web pages (never YAML), so paper and web cannot disagree.

Modules, one job each: `urls` (online addresses), `qr` (QR codes), `render` (print HTML),
`printer` (Chromium's page.pdf), `chromium` (finding a Chromium), `pdfpages` (reading page
numbers back), `booklet` (A5 imposition), `stamp` (reproducible dates), `cache` (reuse PDFs
whose input did not change), `sizes` (file sizes in the built HTML), `step` (the whole run).
"""
