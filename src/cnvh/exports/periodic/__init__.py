"""The plan's periodic report (quarter, half-year, year): one document, built once by
`build.periodic_report`, written as HTML and PDF (`pdf`) and as XLSX (`xlsx`)."""
