"""Server-rendered pages; each module holds one page or a close group of pages."""
