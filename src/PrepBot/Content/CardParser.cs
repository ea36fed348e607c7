using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace PrepBot.Content;

/// <summary>
/// Turns one card file into a <see cref="Card"/>, or into every problem it has (content/README.md is
/// the format). Stateless and thread-safe: one instance (a singleton) serves the checker and the catalog.
/// </summary>
public sealed class CardParser
{
    private const int HexCharsOfHash = 16;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseTaskLists()
        .UsePipeTables()
        .Build();

    /// <summary>Parses a card file.</summary>
    /// <param name="relativePath">Path under the content folder (<c>concept/oltp.md</c>); its first folder must match the kind.</param>
    /// <param name="text">The file's text; CRLF line ends are normalised to LF.</param>
    public CardParseResult Parse(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(text);

        var path = relativePath.Replace('\\', '/');
        var source = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var lines = new SourceLines(source);
        var problems = new ProblemCollector(path);

        var frontMatter = FrontMatterReader.Read(source, lines, path, problems);
        if (frontMatter.Unclosed)
        {
            return new CardParseResult(null, problems.ToList());
        }

        var kind = frontMatter.Kind ?? FolderKind(path);
        var body = new BodyReader(source, lines, problems);
        body.Read(Markdown.Parse(source, _pipeline), frontMatter.BodyStart, kind);

        if (problems.Count > 0)
        {
            return new CardParseResult(null, problems.ToList()) { KeyLines = frontMatter.KeyLines };
        }

        var card = new Card
        {
            Id = frontMatter.Id!,
            Kind = frontMatter.Kind!.Value,
            Topic = frontMatter.Topic!,
            Week = frontMatter.Week!.Value,
            Difficulty = frontMatter.Difficulty!.Value,
            Tags = frontMatter.Tags,
            Title = frontMatter.Title ?? body.Title,
            Dataset = frontMatter.Dataset,
            Retired = frontMatter.Retired,
            Ordered = frontMatter.Ordered,
            ColumnNames = frontMatter.ColumnNames,
            CaseInsensitive = frontMatter.CaseInsensitive,
            Reference = body.Reference,
            Accepted = body.Accepted,
            Wrong = body.Wrong,
            SourcePath = path,
            Sections = body.Sections,
            Choices = body.Choices,
            ContentHash = Hash(source),
        };
        return new CardParseResult(card, []) { KeyLines = frontMatter.KeyLines };
    }

    /// <summary>First 16 hex chars of SHA-256 of the LF-normalised text, so a CRLF checkout hashes the same.</summary>
    private static string Hash(string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..HexCharsOfHash];

    private static CardKind? FolderKind(string path) =>
        ContentFiles.TopFolder(path) is { } folder && CardFormat.TryParseKind(folder, out var kind) ? kind : null;

    /// <summary>Reads and checks the Markdown body: optional <c># Title</c>, then <c>##</c> sections.</summary>
    private sealed class BodyReader(string source, SourceLines lines, ProblemCollector problems)
    {
        public string? Title { get; private set; }

        public IReadOnlyList<CardSection> Sections { get; private set; } = [];

        public IReadOnlyList<CardChoice> Choices { get; private set; } = [];

        public SqlQuery? Reference { get; private set; }

        public IReadOnlyList<SqlQuery> Accepted { get; private set; } = [];

        public IReadOnlyList<SqlQuery> Wrong { get; private set; } = [];

        /// <summary>Reads the body from <paramref name="bodyStart"/>; <paramref name="kind"/> (front matter, else folder) picks the section rules, null skips them.</summary>
        public void Read(MarkdownDocument document, int bodyStart, CardKind? kind)
        {
            var parts = Split(document, bodyStart);
            Sections = [.. parts.Select(part => part.Section)];

            foreach (var fence in document.Descendants<FencedCodeBlock>()
                .Where(fence => fence.Span.Start >= bodyStart && fence.ClosingFencedCharCount == 0))
            {
                var marker = new string(fence.FencedChar, fence.OpeningFencedCharCount);
                problems.Add(LineOf(fence), $"code block opened here is never closed (add a closing {marker} line)");
            }

            if (kind is { } known)
            {
                CheckSections(parts, CardFormat.Sections(known), known);
            }
        }

        /// <summary>Cuts the body into sections at the top-level <c>##</c> headings.</summary>
        private List<SectionPart> Split(MarkdownDocument document, int bodyStart)
        {
            var parts = new List<SectionPart>();
            var blocks = document.Where(block => block.Span.Start >= bodyStart && block is not LinkReferenceDefinitionGroup).ToList();
            var headings = blocks.OfType<HeadingBlock>().Where(heading => heading.Level == 2).ToList();
            var strayReported = false;
            foreach (var block in blocks.TakeWhile(block => block is not HeadingBlock { Level: 2 }))
            {
                if (block == blocks[0] && block is HeadingBlock { Level: 1 } title)
                {
                    Title = HeadingText(title);
                }
                else if (!strayReported)
                {
                    problems.Add(LineOf(block), "text before the first '##' section: only a '# Title' line may come before the sections");
                    strayReported = true;
                }
            }

            for (var i = 0; i < headings.Count; i++)
            {
                var heading = headings[i];
                var contentStart = lines.StartOf(lines.LineOf(heading.Span.End) + 1);
                var contentEnd = i + 1 < headings.Count ? headings[i + 1].Span.Start : source.Length;
                var markdown = contentStart < contentEnd ? source[contentStart..contentEnd].Trim() : "";
                var content = blocks.Where(block => block.Span.Start > heading.Span.End && block.Span.Start < contentEnd).ToList();
                parts.Add(new SectionPart(new CardSection(HeadingText(heading), markdown, LineOf(heading)), content));
            }

            return parts;
        }

        private void CheckSections(List<SectionPart> parts, SectionRules rules, CardKind kind)
        {
            var firstByName = new Dictionary<string, SectionPart>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts)
            {
                var section = part.Section;
                if (section.Name.Length == 0)
                {
                    problems.Add(section.Line, "a '##' heading needs a section name");
                    continue;
                }

                if (rules.Canonical(section.Name) is not { } name)
                {
                    var suggestion = Suggestions.Closest(section.Name, rules.All);
                    problems.Add(section.Line, suggestion is null
                        ? $"unknown section '{section.Name}' ({CardFormat.KindName(kind)} cards have: {string.Join(", ", rules.All)})"
                        : $"unknown section '{section.Name}' (did you mean '{suggestion}'?)");
                    continue;
                }

                if (firstByName.TryGetValue(name, out var first))
                {
                    problems.Add(section.Line, $"section '{name}' is given twice (first on line {first.Section.Line})");
                    continue;
                }

                firstByName.Add(name, part);
                if (section.Markdown.Length == 0)
                {
                    problems.Add(section.Line, $"section '{name}' is empty");
                }
                else
                {
                    CheckShape(name, part, rules, kind);
                }
            }

            // Missing sections are reported on the file's last line: that is where an author adds them.
            foreach (var name in rules.Required.Where(name => !firstByName.ContainsKey(name)))
            {
                problems.Add(lines.Count, $"missing required section '## {name}'");
            }

            if (kind == CardKind.Concept && !firstByName.ContainsKey("Choices") && !firstByName.ContainsKey("Answer"))
            {
                problems.Add(lines.Count, "a concept card needs a '## Choices' section (multiple choice) or an '## Answer' section (reveal and self-grade)");
            }
        }

        private void CheckShape(string name, SectionPart part, SectionRules rules, CardKind kind)
        {
            if (kind == CardKind.Concept && name == "Choices")
            {
                ReadChoices(part);
            }
            else if (kind == CardKind.Sql && name == "Reference")
            {
                CheckReference(part);
            }
            else if (kind == CardKind.Sql && CardFormat.QueryListSections.Contains(name))
            {
                ReadQueryList(name, part);
            }
            else if (rules.IsList(name) && part.Blocks.FirstOrDefault(block => block is not ListBlock) is { } notList)
            {
                problems.Add(LineOf(notList), $"section '{name}' must be a list ('- item' lines) and nothing else");
            }
        }

        private void ReadChoices(SectionPart part)
        {
            const string NotATaskList = "section 'Choices' must be a task list: one '- [ ] option' or '- [x] right option' line per option, and nothing else";
            var line = part.Section.Line;
            if (part.Blocks is not [ListBlock list])
            {
                var stray = part.Blocks.FirstOrDefault(block => block is not ListBlock) ?? part.Blocks.Skip(1).FirstOrDefault();
                problems.Add(stray is null ? line : LineOf(stray), NotATaskList);
                return;
            }

            if (list.OfType<ListItemBlock>().FirstOrDefault(item => Box(item) is null) is { } itemWithoutBox)
            {
                problems.Add(LineOf(itemWithoutBox), NotATaskList);
                return;
            }

            var choices = list.OfType<ListItemBlock>().Select(item => new CardChoice(ChoiceText(item), Box(item)!.Checked, LineOf(item))).ToList();
            if (choices.Count < 2)
            {
                problems.Add(line, $"section 'Choices' needs at least two options (found {choices.Count})");
            }
            else if (!choices.Any(choice => choice.IsCorrect))
            {
                problems.Add(line, "section 'Choices' has no right answer: mark each right option with '- [x]'");
            }
            else
            {
                Choices = choices;
            }
        }

        private void CheckReference(SectionPart part)
        {
            var fences = part.Blocks.OfType<FencedCodeBlock>().ToList();
            if (fences.Count != 1)
            {
                problems.Add(part.Section.Line, $"section 'Reference' must hold exactly one ```sql code block (found {fences.Count})");
            }
            else if (!string.Equals(fences[0].Info, "sql", StringComparison.OrdinalIgnoreCase))
            {
                var found = string.IsNullOrEmpty(fences[0].Info) ? "no language" : $"'{fences[0].Info}'";
                problems.Add(LineOf(fences[0]), $"the code block in 'Reference' must start with ```sql (found {found})");
            }
            else
            {
                Reference = Query(fences[0]);
            }
        }

        /// <summary><c>## Accepted</c> and <c>## Wrong</c>: one or more <c>```sql</c> blocks, with prose between them if the author likes.</summary>
        private void ReadQueryList(string name, SectionPart part)
        {
            var fences = part.Blocks.OfType<FencedCodeBlock>().ToList();
            if (fences.Count == 0)
            {
                problems.Add(part.Section.Line, $"section '{name}' must hold one or more ```sql code blocks, one query each");
                return;
            }

            var queries = new List<SqlQuery>();
            foreach (var fence in fences)
            {
                if (!string.Equals(fence.Info, "sql", StringComparison.OrdinalIgnoreCase))
                {
                    var found = string.IsNullOrEmpty(fence.Info) ? "no language" : $"'{fence.Info}'";
                    problems.Add(LineOf(fence), $"each code block in '{name}' must start with ```sql (found {found})");
                }
                else if (fence.Lines.ToString().Trim().Length == 0)
                {
                    problems.Add(LineOf(fence), $"this code block in '{name}' is empty");
                }
                else
                {
                    queries.Add(Query(fence));
                }
            }

            if (name == "Accepted")
            {
                Accepted = queries;
            }
            else
            {
                Wrong = queries;
            }
        }

        private SqlQuery Query(FencedCodeBlock fence) => new(fence.Lines.ToString().Trim(), LineOf(fence));

        private static TaskList? Box(ListItemBlock item) =>
            item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList box } ? box : null;

        /// <summary>The item's Markdown after its <c>[x]</c> box, continuation lines dedented.</summary>
        private string ChoiceText(ListItemBlock item)
        {
            var box = Box(item)!;
            var paragraph = item[0];
            var indent = paragraph.Span.Start - lines.StartOf(LineOf(paragraph));
            var text = source[(box.Span.End + 1)..Math.Min(item.Span.End + 1, source.Length)].Trim();
            var itemLines = text.Split('\n')
                .Select((line, index) => index == 0 ? line : line[Math.Min(indent, line.Length - line.TrimStart(' ').Length)..]);
            return string.Join('\n', itemLines).Trim();
        }

        private string HeadingText(HeadingBlock heading) =>
            heading.Inline is { FirstChild: { } first, LastChild: { } last }
                ? source[first.Span.Start..(last.Span.End + 1)].Trim()
                : "";

        private int LineOf(Block block) => lines.LineOf(block.Span.Start);
    }

    private sealed record SectionPart(CardSection Section, IReadOnlyList<Block> Blocks);
}
