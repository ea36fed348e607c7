using PrepBot.Rendering;

namespace PrepBot.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    private const string ZeroWidthSpace = "\u200B";

    // Discord

    [Theory]
    [InlineData("# Title", "# Title")]
    [InlineData("## Title", "## Title")]
    [InlineData("### Title", "### Title")]
    public void Headings_up_to_level_three_keep_their_hashes(string markdown, string expected)
    {
        var discord = MarkdownRenderer.ToDiscord(markdown);

        Assert.Equal(expected, discord);
    }

    [Fact]
    public void Headings_deeper_than_level_three_become_level_three()
    {
        var discord = MarkdownRenderer.ToDiscord("##### Deep");

        Assert.Equal("### Deep", discord);
    }

    [Fact]
    public void Setext_heading_becomes_a_hash_heading()
    {
        var discord = MarkdownRenderer.ToDiscord("Title\n-----");

        Assert.Equal("## Title", discord);
    }

    [Fact]
    public void Bold_italic_and_strikethrough_use_discord_markers()
    {
        var discord = MarkdownRenderer.ToDiscord("**bold** *italic* _also italic_ ~~gone~~");

        Assert.Equal("**bold** *italic* *also italic* ~~gone~~", discord);
    }

    [Fact]
    public void Underscore_strong_emphasis_becomes_bold_not_underline()
    {
        var discord = MarkdownRenderer.ToDiscord("__bold__");

        Assert.Equal("**bold**", discord);
    }

    [Fact]
    public void Inline_code_is_kept_without_escaping()
    {
        var discord = MarkdownRenderer.ToDiscord("Run `SELECT * FROM t_1` first.");

        Assert.Equal("Run `SELECT * FROM t_1` first.", discord);
    }

    [Fact]
    public void Inline_code_containing_backticks_gets_a_longer_fence()
    {
        var discord = MarkdownRenderer.ToDiscord("Quote with ``a`b`` here.");

        Assert.Equal("Quote with ``a`b`` here.", discord);
    }

    [Fact]
    public void Inline_code_starting_with_a_backtick_is_padded()
    {
        var discord = MarkdownRenderer.ToDiscord("`` `x` ``");

        Assert.Equal("`` `x` ``", discord);
    }

    [Fact]
    public void Fenced_code_block_keeps_its_language()
    {
        var discord = MarkdownRenderer.ToDiscord("```sql\nSELECT 1;\n```");

        Assert.Equal("```sql\nSELECT 1;\n```", discord);
    }

    [Fact]
    public void Indented_code_block_becomes_a_fenced_block()
    {
        var discord = MarkdownRenderer.ToDiscord("    x = 1");

        Assert.Equal("```\nx = 1\n```", discord);
    }

    [Fact]
    public void Fence_inside_code_cannot_end_the_block_early()
    {
        var discord = MarkdownRenderer.ToDiscord("````md\n```\n````");

        Assert.Equal("```md\n`" + ZeroWidthSpace + "`" + ZeroWidthSpace + "`\n```", discord);
    }

    [Fact]
    public void Bullet_list_nests_with_indentation()
    {
        var discord = MarkdownRenderer.ToDiscord("- a\n  - b\n    - c\n- d");

        Assert.Equal("- a\n  - b\n    - c\n- d", discord);
    }

    [Fact]
    public void Ordered_list_keeps_its_start_number()
    {
        var discord = MarkdownRenderer.ToDiscord("3. three\n4. four");

        Assert.Equal("3. three\n4. four", discord);
    }

    [Fact]
    public void Nested_items_of_an_ordered_list_are_indented_past_the_number()
    {
        var discord = MarkdownRenderer.ToDiscord("1. one\n   - sub");

        Assert.Equal("1. one\n   - sub", discord);
    }

    [Fact]
    public void Loose_list_keeps_blank_lines_between_items()
    {
        var discord = MarkdownRenderer.ToDiscord("- a\n\n- b");

        Assert.Equal("- a\n\n- b", discord);
    }

    [Fact]
    public void Block_quote_lines_start_with_a_quote_marker()
    {
        var discord = MarkdownRenderer.ToDiscord("> first\n>\n> second");

        Assert.Equal("> first\n> \n> second", discord);
    }

    [Fact]
    public void Nested_quote_is_flattened_because_discord_cannot_nest_quotes()
    {
        var discord = MarkdownRenderer.ToDiscord("> outer\n>\n> > inner");

        Assert.Equal("> outer\n> \n> inner", discord);
    }

    [Fact]
    public void Link_becomes_a_masked_link()
    {
        var discord = MarkdownRenderer.ToDiscord("See [the docs](https://example.com/docs).");

        Assert.Equal("See [the docs](https://example.com/docs).", discord);
    }

    [Fact]
    public void Parentheses_in_a_link_address_are_encoded()
    {
        var discord = MarkdownRenderer.ToDiscord("[wiki](https://en.wikipedia.org/wiki/Join_(SQL))");

        Assert.Equal("[wiki](https://en.wikipedia.org/wiki/Join_%28SQL%29)", discord);
    }

    [Fact]
    public void Link_to_a_non_web_address_shows_the_address_after_the_text()
    {
        var discord = MarkdownRenderer.ToDiscord("[guide](../README.md)");

        Assert.Equal("guide (../README.md)", discord);
    }

    [Fact]
    public void Bare_url_becomes_an_autolink_without_preview()
    {
        var discord = MarkdownRenderer.ToDiscord("See https://example.com/a_b for more.");

        Assert.Equal("See <https://example.com/a_b> for more.", discord);
    }

    [Fact]
    public void Angle_bracket_autolink_stays_without_preview()
    {
        var discord = MarkdownRenderer.ToDiscord("<https://example.com>");

        Assert.Equal("<https://example.com>", discord);
    }

    [Fact]
    public void Image_becomes_a_link_to_the_image()
    {
        var discord = MarkdownRenderer.ToDiscord("![schema diagram](https://example.com/schema.png)");

        Assert.Equal("[schema diagram](https://example.com/schema.png)", discord);
    }

    [Fact]
    public void Thematic_break_becomes_a_line()
    {
        var discord = MarkdownRenderer.ToDiscord("above\n\n---\n\nbelow");

        Assert.Equal("above\n\n──────────\n\nbelow", discord);
    }

    [Fact]
    public void Task_list_items_get_check_boxes()
    {
        var discord = MarkdownRenderer.ToDiscord("- [ ] open\n- [x] done");

        Assert.Equal("- ☐ open\n- ☑ done", discord);
    }

    [Fact]
    public void Html_block_is_shown_as_escaped_literal_text()
    {
        var discord = MarkdownRenderer.ToDiscord("<div>\n*not emphasis*\n</div>");

        Assert.Equal("<div>\n\\*not emphasis\\*\n</div>", discord);
    }

    [Fact]
    public void Inline_html_is_shown_as_literal_text()
    {
        var discord = MarkdownRenderer.ToDiscord("Press <kbd>Ctrl</kbd> now");

        Assert.Equal("Press <kbd>Ctrl</kbd> now", discord);
    }

    [Fact]
    public void Table_becomes_fixed_width_code_block()
    {
        var markdown = "| Name | Rows |\n| --- | --- |\n| orders | 120 |\n| customers | 8 |";

        var discord = MarkdownRenderer.ToDiscord(markdown);

        Assert.Equal(
            "```\n"
            + "Name       Rows\n"
            + "---------  ----\n"
            + "orders     120\n"
            + "customers  8\n"
            + "```",
            discord);
    }

    [Fact]
    public void Table_columns_follow_their_alignment()
    {
        var markdown = "| Left | Middle | Right |\n| :--- | :----: | ----: |\n| a | b | c |";

        var discord = MarkdownRenderer.ToDiscord(markdown);

        Assert.Equal("```\nLeft  Middle  Right\n----  ------  -----\na       b         c\n```", discord);
    }

    [Fact]
    public void Table_cells_lose_their_markdown_markers()
    {
        var markdown = "| Column |\n| --- |\n| **bold** `code` [link](https://example.com) |";

        var discord = MarkdownRenderer.ToDiscord(markdown);

        Assert.Equal("```\nColumn\n------------------------------------\nbold code link (https://example.com)\n```", discord);
    }

    [Fact]
    public void Literal_formatting_characters_are_escaped()
    {
        var discord = MarkdownRenderer.ToDiscord("snake_case, 2 * 3, a ~ b, x | y, \\` and [1]");

        Assert.Equal("snake\\_case, 2 \\* 3, a \\~ b, x \\| y, \\` and \\[1\\]", discord);
    }

    [Fact]
    public void Escaped_markdown_in_the_source_comes_out_literally()
    {
        var discord = MarkdownRenderer.ToDiscord("\\*not italic\\* and \\\\ backslash");

        Assert.Equal("\\*not italic\\* and \\\\ backslash", discord);
    }

    [Theory]
    [InlineData("\\> not a quote", "\\> not a quote")]
    [InlineData("\\# not a heading", "\\# not a heading")]
    [InlineData("\\-# not subtext", "\\-# not subtext")]
    [InlineData("\\- not a bullet", "\\- not a bullet")]
    [InlineData("\\+ not a bullet", "\\+ not a bullet")]
    [InlineData("1\\. not a numbered item", "1\\. not a numbered item")]
    [InlineData("line  \n\\# after a hard break", "line\n\\# after a hard break")]
    public void Block_markers_at_the_start_of_a_line_stay_literal(string markdown, string expected)
    {
        var discord = MarkdownRenderer.ToDiscord(markdown);

        Assert.Equal(expected, discord);
    }

    [Fact]
    public void Block_markers_inside_a_line_are_not_escaped()
    {
        var discord = MarkdownRenderer.ToDiscord("a > b, 1. c # d - e");

        Assert.Equal("a > b, 1. c # d - e", discord);
    }

    [Fact]
    public void Soft_line_break_becomes_a_space()
    {
        var discord = MarkdownRenderer.ToDiscord("one\ntwo");

        Assert.Equal("one two", discord);
    }

    [Fact]
    public void Hard_line_break_is_kept()
    {
        var discord = MarkdownRenderer.ToDiscord("one  \ntwo");

        Assert.Equal("one\ntwo", discord);
    }

    [Fact]
    public void Blocks_are_separated_by_a_blank_line()
    {
        var discord = MarkdownRenderer.ToDiscord("# Title\nText\n- item");

        Assert.Equal("# Title\n\nText\n\n- item", discord);
    }

    [Fact]
    public void Reference_links_resolve_and_their_definitions_disappear()
    {
        var discord = MarkdownRenderer.ToDiscord("[docs][1]\n\n[1]: https://example.com");

        Assert.Equal("[docs](https://example.com)", discord);
    }

    // Discord spoilers

    [Fact]
    public void Spoiler_wraps_a_paragraph()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("The answer is *B*.");

        Assert.Equal("||The answer is *B*.||", spoiler);
    }

    [Fact]
    public void Spoiler_wraps_each_list_item_after_its_marker()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("- [x] right\n- [ ] wrong");

        Assert.Equal("- ||☑ right||\n- ||☐ wrong||", spoiler);
    }

    [Fact]
    public void Spoiler_wraps_heading_text_after_its_hashes()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("## Why");

        Assert.Equal("## ||Why||", spoiler);
    }

    [Fact]
    public void Spoiler_markers_stand_on_their_own_lines_around_a_code_block()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("```sql\nSELECT 1;\n```");

        Assert.Equal("||\n```sql\nSELECT 1;\n```\n||", spoiler);
    }

    [Fact]
    public void Spoiler_markers_stand_on_their_own_lines_around_a_table()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("| a |\n| - |\n| b |");

        Assert.Equal("||\n```\na\n-\nb\n```\n||", spoiler);
    }

    [Fact]
    public void Pipes_in_a_code_block_cannot_close_the_spoiler()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("```sql\nSELECT first || last FROM people;\n```");

        Assert.Equal("||\n```sql\nSELECT first |" + ZeroWidthSpace + "| last FROM people;\n```\n||", spoiler);
    }

    [Fact]
    public void Pipes_in_inline_code_cannot_close_the_spoiler()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("Use `a || b`.");

        Assert.Equal("||Use `a |" + ZeroWidthSpace + "| b`.||", spoiler);
    }

    [Fact]
    public void Literal_pipes_cannot_close_the_spoiler()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("either || or |");

        Assert.Equal("||either \\|\\| or \\| ||", spoiler);
    }

    [Fact]
    public void Pipes_in_a_link_address_cannot_close_the_spoiler()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("[x](https://example.com/a||b)");

        Assert.Equal("||[x](https://example.com/a%7C%7Cb)||", spoiler);
    }

    [Fact]
    public void Spoiler_leaves_a_thematic_break_visible()
    {
        var spoiler = MarkdownRenderer.ToDiscordSpoiler("a\n\n***");

        Assert.Equal("||a||\n\n──────────", spoiler);
    }

    // Plain text

    [Fact]
    public void Plain_level_one_heading_is_underlined_with_equals_signs()
    {
        var plain = MarkdownRenderer.ToPlainText("# Window functions");

        Assert.Equal("Window functions\n================", plain);
    }

    [Fact]
    public void Plain_lower_headings_are_underlined_with_dashes()
    {
        var plain = MarkdownRenderer.ToPlainText("### Hint");

        Assert.Equal("Hint\n----", plain);
    }

    [Fact]
    public void Plain_emphasis_markers_are_dropped()
    {
        var plain = MarkdownRenderer.ToPlainText("**bold** *italic* ~~gone~~");

        Assert.Equal("bold italic gone", plain);
    }

    [Fact]
    public void Plain_inline_code_keeps_its_text_without_backticks()
    {
        var plain = MarkdownRenderer.ToPlainText("Run `ls -la` now.");

        Assert.Equal("Run ls -la now.", plain);
    }

    [Fact]
    public void Plain_code_block_is_indented_by_four_spaces()
    {
        var plain = MarkdownRenderer.ToPlainText("```sql\nSELECT 1;\n\nSELECT 2;\n```");

        Assert.Equal("    SELECT 1;\n\n    SELECT 2;", plain);
    }

    [Fact]
    public void Plain_lists_use_dashes_and_numbers_with_nested_indentation()
    {
        var plain = MarkdownRenderer.ToPlainText("- a\n  1. b\n  2. c\n- d");

        Assert.Equal("- a\n  1. b\n  2. c\n- d", plain);
    }

    [Fact]
    public void Plain_task_items_show_brackets()
    {
        var plain = MarkdownRenderer.ToPlainText("- [ ] open\n- [x] done");

        Assert.Equal("- [ ] open\n- [x] done", plain);
    }

    [Fact]
    public void Plain_link_shows_its_address_after_the_text()
    {
        var plain = MarkdownRenderer.ToPlainText("[docs](https://example.com)");

        Assert.Equal("docs (https://example.com)", plain);
    }

    [Theory]
    [InlineData("[https://example.com](https://example.com)")]
    [InlineData("<https://example.com>")]
    [InlineData("https://example.com")]
    public void Plain_link_whose_text_is_its_address_shows_the_address_once(string markdown)
    {
        var plain = MarkdownRenderer.ToPlainText(markdown);

        Assert.Equal("https://example.com", plain);
    }

    [Fact]
    public void Plain_image_shows_its_description_and_address()
    {
        var plain = MarkdownRenderer.ToPlainText("![diagram](https://example.com/d.png)");

        Assert.Equal("diagram (https://example.com/d.png)", plain);
    }

    [Fact]
    public void Plain_table_becomes_aligned_columns_without_a_fence()
    {
        var markdown = "| Name | Rows |\n| --- | ---: |\n| orders | 120 |\n| customers | 8 |";

        var plain = MarkdownRenderer.ToPlainText(markdown);

        Assert.Equal("Name       Rows\n---------  ----\norders      120\ncustomers     8", plain);
    }

    [Fact]
    public void Plain_block_quote_lines_start_with_a_bar()
    {
        var plain = MarkdownRenderer.ToPlainText("> first\n>\n> second");

        Assert.Equal("| first\n|\n| second", plain);
    }

    [Fact]
    public void Plain_thematic_break_becomes_a_line()
    {
        var plain = MarkdownRenderer.ToPlainText("---");

        Assert.Equal("──────────", plain);
    }

    [Fact]
    public void Plain_text_is_not_escaped()
    {
        var plain = MarkdownRenderer.ToPlainText("snake_case, 2 * 3, x | y, \\# literal");

        Assert.Equal("snake_case, 2 * 3, x | y, # literal", plain);
    }

    [Fact]
    public void Plain_html_is_kept_as_text()
    {
        var plain = MarkdownRenderer.ToPlainText("<div>\nhi\n</div>\n\nPress <kbd>Ctrl</kbd>");

        Assert.Equal("<div>\nhi\n</div>\n\nPress <kbd>Ctrl</kbd>", plain);
    }

    [Fact]
    public void Plain_soft_line_breaks_are_kept()
    {
        var plain = MarkdownRenderer.ToPlainText("one\ntwo");

        Assert.Equal("one\ntwo", plain);
    }

    [Fact]
    public void Plain_blocks_are_separated_by_a_blank_line()
    {
        var plain = MarkdownRenderer.ToPlainText("## Question\nWhy?\n- because");

        Assert.Equal("Question\n--------\n\nWhy?\n\n- because", plain);
    }
}
