package io.vigie.links;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PagePreviewTests {

    @Test
    void openGraphWinsAndEverythingIsPlainText() throws Exception {
        WebAddress url = WebAddress.parse("https://news.example.org/2026/energie?utm_source=x");
        PagePreview preview = PagePreview.of(url, Jsoup.parse("""
                <html lang="fr-FR"><head>
                  <title>Fallback title</title>
                  <meta property="og:title" content="La transition énergétique &lt;b&gt;en 2026&lt;/b&gt;">
                  <meta name="description" content="Plain description">
                  <meta property="og:description" content="Ce que disent les chiffres">
                  <meta property="og:image" content="/img/cover.jpg">
                  <meta property="og:site_name" content="Les Nouvelles">
                  <meta property="article:published_time" content="2026-11-20T08:30:00+01:00">
                  <link rel="canonical" href="https://news.example.org/2026/energie">
                  <script>alert(1)</script>
                </head><body><nav>Menu Accueil</nav>
                  <article><h1>La transition</h1><p>Premier paragraphe.</p><script>evil()</script><p>Second.</p></article>
                  <footer>Mentions légales</footer></body></html>""", url.href()));

        assertThat(preview.title()).isEqualTo("La transition énergétique <b>en 2026</b>"); // text, escaped by whoever shows it
        assertThat(preview.description()).isEqualTo("Ce que disent les chiffres");
        assertThat(preview.image()).isEqualTo("https://news.example.org/img/cover.jpg");
        assertThat(preview.siteName()).isEqualTo("Les Nouvelles");
        assertThat(preview.publishedAt()).isEqualTo(Instant.parse("2026-11-20T07:30:00Z"));
        assertThat(preview.language()).isEqualTo("fr");
        assertThat(preview.canonical().href()).isEqualTo("https://news.example.org/2026/energie");
        assertThat(preview.excerpt()).isEqualTo("La transition Premier paragraphe. Second.");
    }

    @Test
    void twitterCardsAndHtmlMetaAreFallbacksAndAForeignCanonicalIsIgnored() throws Exception {
        WebAddress url = WebAddress.parse("https://blog.example.com/post");
        PagePreview preview = PagePreview.of(url, Jsoup.parse("""
                <html><head><title> Only a title </title>
                  <meta name="twitter:image" content="javascript:alert(1)">
                  <meta name="description" content="From the description tag">
                  <meta property="og:url" content="https://evil.example.net/post">
                  <meta property="og:locale" content="en_GB">
                </head><body><main>Main text</main><p>outside</p></body></html>""", url.href()));

        assertThat(preview.title()).isEqualTo("Only a title");
        assertThat(preview.description()).isEqualTo("From the description tag");
        assertThat(preview.image()).isNull();
        assertThat(preview.canonical()).isNull();
        assertThat(preview.siteName()).isEqualTo("blog.example.com");
        assertThat(preview.language()).isEqualTo("en");
        assertThat(preview.excerpt()).isEqualTo("Main text");
    }
}
