"""The registry's pages: officers' lists, details and forms, and the public product
page a QR code points to."""
