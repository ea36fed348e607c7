using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PrepBot.Rendering;

namespace PrepBot.Tests.Rendering;

public sealed partial class MessageSplitterTests
{
    [Fact]
    public void Text_within_the_limit_is_one_unchanged_chunk()
    {
        var text = "## Question\n\nWhich rows does `LEFT JOIN` keep?";

        var chunks = MessageSplitter.Split(text, MessageSplitter.DiscordMessageLimit);

        Assert.Equal([text], chunks);
    }

    [Fact]
    public void Whitespace_only_text_gives_no_chunks()
    {
        var chunks = MessageSplitter.Split(" \n\n \t\n", MessageSplitter.DiscordMessageLimit);

        Assert.Empty(chunks);
    }

    [Fact]
    public void Card_body_of_5000_characters_splits_into_chunks_within_2000()
    {
        var discord = MarkdownRenderer.ToDiscord(CardBody(5000));
        Assert.True(discord.Length >= 5000);

        var chunks = MessageSplitter.Split(discord, MessageSplitter.DiscordMessageLimit);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, MessageSplitter.DiscordMessageLimit));
    }

    [Theory]
    [InlineData(MessageSplitter.DiscordMessageLimit)]
    [InlineData(MessageSplitter.DiscordEmbedDescriptionLimit)]
    public void Every_chunk_of_a_long_spoilered_card_fits_the_limit(int limit)
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler(CardBody(12_000));

        var chunks = MessageSplitter.Split(spoiler, limit);

        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, limit));
    }

    [Fact]
    public void Embed_description_limit_packs_up_to_4096_characters()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => Paragraph(i, 290)));

        var chunks = MessageSplitter.Split(text, MessageSplitter.DiscordEmbedDescriptionLimit);

        Assert.Equal(3, chunks.Count);
        Assert.All(chunks.SkipLast(1), chunk => Assert.InRange(chunk.Length, 4000, MessageSplitter.DiscordEmbedDescriptionLimit));
    }

    [Fact]
    public void Cuts_fall_between_blocks_when_they_can()
    {
        var paragraphs = Enumerable.Range(0, 12).Select(i => Paragraph(i, 300)).ToList();
        var text = string.Join("\n\n", paragraphs);

        var chunks = MessageSplitter.Split(text, 1000);

        Assert.All(chunks.SelectMany(chunk => chunk.Split("\n\n")), block => Assert.Contains(block, paragraphs));
    }

    [Fact]
    public void A_block_longer_than_the_limit_is_cut_between_lines()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"- item {i:D2} " + new string('x', 40)).ToList();
        var text = string.Join("\n", lines);

        var chunks = MessageSplitter.Split(text, 500);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks.SelectMany(chunk => chunk.Split('\n')), line => Assert.Contains(line, lines));
    }

    [Fact]
    public void Code_block_cut_in_two_is_closed_and_reopened_with_its_language()
    {
        var code = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"SELECT {i} AS n FROM numbers;"));
        var text = "Reference:\n\n```sql\n" + code + "\n```";

        var chunks = MessageSplitter.Split(text, 1000);

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, 1000));
        Assert.All(chunks.Skip(1), chunk => Assert.StartsWith("```sql\n", chunk, StringComparison.Ordinal));
        Assert.All(chunks.Skip(1), chunk => Assert.EndsWith("\n```", chunk, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_before_a_code_block_that_does_not_fit_goes_alone()
    {
        var code = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"SELECT {i};"));
        var text = "Reference:\n\n```sql\n" + code + "\n```";

        var chunks = MessageSplitter.Split(text, 1000);

        Assert.Equal("Reference:", chunks[0]);
    }

    [Fact]
    public void Spoiler_cut_in_two_is_closed_and_reopened()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler(string.Join("  \n", Enumerable.Range(0, 100).Select(i => Paragraph(i, 40))));

        var chunks = MessageSplitter.Split(spoiler, MessageSplitter.DiscordMessageLimit);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.StartsWith("||", chunk, StringComparison.Ordinal));
        Assert.All(chunks, chunk => Assert.EndsWith("||", chunk, StringComparison.Ordinal));
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, MessageSplitter.DiscordMessageLimit));
    }

    [Fact]
    public void Spoilered_code_block_cut_in_two_closes_the_code_then_the_spoiler()
    {
        var code = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"SELECT {i} AS n FROM numbers;"));
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("```sql\n" + code + "\n```");

        var chunks = MessageSplitter.Split(spoiler, 1000);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.StartsWith("||\n```sql\n", chunk, StringComparison.Ordinal));
        Assert.All(chunks, chunk => Assert.EndsWith("\n```\n||", chunk, StringComparison.Ordinal));
    }

    [Fact]
    public void Inline_code_cut_in_two_is_closed_and_reopened()
    {
        var text = "`" + string.Join(" ", Enumerable.Repeat("token", 40)) + "`";

        var chunks = MessageSplitter.Split(text, 100);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.Matches("^`[^`]+`$", chunk));
    }

    [Fact]
    public void Single_3000_character_line_is_cut_at_a_space()
    {
        var line = string.Join(" ", Enumerable.Repeat("lorem", 500));
        Assert.Equal(2999, line.Length);

        var chunks = MessageSplitter.Split(line, MessageSplitter.DiscordMessageLimit);

        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, MessageSplitter.DiscordMessageLimit));
        Assert.All(chunks.SelectMany(chunk => chunk.Split(' ')), word => Assert.Equal("lorem", word));
    }

    [Fact]
    public void Line_without_spaces_is_cut_at_the_limit()
    {
        var line = new string('x', 3000);

        var chunks = MessageSplitter.Split(line, MessageSplitter.DiscordMessageLimit);

        Assert.Equal([2000, 1000], chunks.Select(chunk => chunk.Length));
    }

    [Fact]
    public void Cut_never_separates_a_surrogate_pair()
    {
        var line = string.Concat(Enumerable.Repeat("😀", 100));

        var chunks = MessageSplitter.Split(line, 65);

        Assert.All(chunks, chunk => Assert.False(char.IsLowSurrogate(chunk[0]) || char.IsHighSurrogate(chunk[^1])));
    }

    [Fact]
    public void Cut_never_separates_an_escape_from_its_character()
    {
        var line = string.Concat(Enumerable.Repeat("\\*", 100));

        var chunks = MessageSplitter.Split(line, 65);

        Assert.All(chunks, chunk => Assert.Matches(@"^(\\\*)+$", chunk));
    }

    [Fact]
    public void No_chunk_is_empty_or_only_whitespace()
    {
        var text = string.Join("\n\n   \n\n", Enumerable.Range(0, 20).Select(i => Paragraph(i, 150)));

        var chunks = MessageSplitter.Split(text, 400);

        Assert.All(chunks, chunk => Assert.False(string.IsNullOrWhiteSpace(chunk)));
    }

    [Fact]
    public void Chunks_of_plain_text_reassemble_to_the_same_non_whitespace_characters()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 20).Select(i => Paragraph(i, 333))) + "\n" + new string('y', 2500);

        var chunks = MessageSplitter.Split(text, MessageSplitter.DiscordMessageLimit);

        Assert.Equal(WithoutWhitespace(text), WithoutWhitespace(string.Concat(chunks)));
    }

    [Fact]
    public void Chunks_of_a_rendered_card_reassemble_to_the_same_visible_characters()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler(CardBody(9000));

        var chunks = MessageSplitter.Split(spoiler, 1500);

        Assert.Equal(Visible(spoiler), Visible(string.Concat(chunks)));
    }

    [Fact]
    public void Limit_below_the_minimum_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageSplitter.Split("text", MessageSplitter.MinimumLimit - 1));
    }

    /// <summary>A card body of at least <paramref name="length"/> characters with every kind of block.</summary>
    private static string CardBody(int length)
    {
        var body = new StringBuilder();
        for (var section = 0; body.Length < length; section++)
        {
            body.Append(CultureInfo.InvariantCulture, $"## Section {section}\n\n")
                .Append(Paragraph(section, 400)).Append("\n\n")
                .Append("- first *point* with `code`\n- second point\n  - [x] nested task\n\n")
                .Append("```sql\nSELECT name || ' ' || city AS label\nFROM customers\nWHERE id = 1;\n```\n\n")
                .Append("| metric | value |\n| --- | ---: |\n| rows | 42 |\n\n")
                .Append("> A quote with **bold** text.\n\n");
        }

        return body.ToString();
    }

    /// <summary>Words of prose, about <paramref name="length"/> characters, starting with a marker that tells paragraphs apart.</summary>
    private static string Paragraph(int index, int length)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"P{index}:");
        while (text.Length < length - 6)
        {
            text.Append(" words");
        }

        return text.ToString();
    }

    private static string WithoutWhitespace(string text) => WhitespaceRegex().Replace(text, "");

    /// <summary>The text without whitespace and without the markers a cut adds (fences, spoiler bars).</summary>
    private static string Visible(string text) => WithoutWhitespace(MarkersRegex().Replace(text, ""));

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"```[a-z]*|\|\|")]
    private static partial Regex MarkersRegex();
}
