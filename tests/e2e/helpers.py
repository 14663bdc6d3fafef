"""Steps the browser tests share."""


def log_in(page, username, password="secret-pass-123"):
    """Fill the login form: the current page if it is the login page (keeping ?next=), else /login/."""
    if "/login/" not in page.url:
        page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
