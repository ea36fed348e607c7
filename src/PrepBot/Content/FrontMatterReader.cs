using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PrepBot.Content;

/// <summary>
/// Reads and checks the YAML front matter of a card file. YAML line N is file line N + 1
/// (line 1 of the file is the opening <c>---</c>), so every problem points into the file.
/// </summary>
internal static class FrontMatterReader
{
    private const int YamlFirstFileLine = 2;
    private const string DuplicatePlaceholder = "__prepbot_duplicate_key_";

    public static FrontMatter Read(string source, SourceLines lines, string path, ProblemCollector problems)
    {
        if (lines[1].TrimEnd() != "---")
        {
            problems.Add(1, "missing front matter: a card starts with a '---' line, then id, kind, topic, week and difficulty, then another '---' line");
            return new FrontMatter();
        }

        var closingLine = Enumerable.Range(2, Math.Max(lines.Count - 1, 0))
            .FirstOrDefault(line => lines[line].TrimEnd() is "---" or "...");
        if (closingLine == 0)
        {
            problems.Add(1, "front matter is not closed: add a '---' line after its last key");
            return new FrontMatter { Unclosed = true };
        }

        var frontMatter = new FrontMatter { BodyStart = lines.StartOf(closingLine + 1), ClosingLine = closingLine };
        var yaml = source[lines.StartOf(YamlFirstFileLine)..lines.StartOf(closingLine)];
        if (ReadMapping(yaml, problems) is { } mapping)
        {
            ReadKeys(mapping, frontMatter, path, problems);
        }

        return frontMatter;
    }

    /// <summary>The front matter's root mapping, or null (after reporting why) when it has none.</summary>
    private static YamlMappingNode? ReadMapping(string yaml, ProblemCollector problems)
    {
        // YamlStream stops at the first duplicate key; find the root-level duplicates first, report
        // them, and rename them in place (same line) so every other problem is still reported.
        if (!TryFindRootKeys(yaml, problems, out var rootKeys))
        {
            return null;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<Scalar>();
        foreach (var key in rootKeys)
        {
            if (seen.TryGetValue(key.Value, out var firstLine))
            {
                problems.Add(FileLine(key.Start), $"front-matter key '{key.Value}' is given twice (first on line {firstLine})");
                duplicates.Add(key);
            }
            else
            {
                seen.Add(key.Value, FileLine(key.Start));
            }
        }

        for (var i = duplicates.Count - 1; i >= 0; i--)
        {
            var key = duplicates[i];
            yaml = string.Concat(
                yaml.AsSpan(0, (int)key.Start.Index),
                DuplicatePlaceholder + i.ToString(CultureInfo.InvariantCulture),
                yaml.AsSpan((int)key.End.Index));
        }

        var stream = new YamlStream();
        var parser = new TrackingParser(yaml);
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (IsYamlFailure(e))
        {
            ReportInvalidYaml(e, parser, problems);
            return null;
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        switch (root)
        {
            case null:
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" }:
                return [];
            case YamlMappingNode mapping:
                return mapping;
            default:
                problems.Add(FileLine(root.Start), $"front matter must be 'key: value' lines, not {Describe(root)}");
                return null;
        }
    }

    /// <summary>Walks the YAML events once to list the root mapping's keys and catch syntax errors.</summary>
    private static bool TryFindRootKeys(string yaml, ProblemCollector problems, out List<Scalar> keys)
    {
        keys = [];
        var parser = new TrackingParser(yaml);
        var depth = 0;
        var rootIsMapping = false;
        var expectingKey = false;
        try
        {
            while (parser.MoveNext())
            {
                var atRootMapping = rootIsMapping && depth == 1;
                switch (parser.Current)
                {
                    case MappingStart when depth == 0:
                        rootIsMapping = true;
                        expectingKey = true;
                        depth++;
                        break;
                    case MappingStart or SequenceStart:
                        expectingKey = atRootMapping ? !expectingKey : expectingKey;
                        depth++;
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar scalar when atRootMapping:
                        if (expectingKey)
                        {
                            keys.Add(scalar);
                        }

                        expectingKey = !expectingKey;
                        break;
                    case AnchorAlias when atRootMapping:
                        expectingKey = !expectingKey;
                        break;
                }
            }

            return true;
        }
        catch (Exception e) when (IsYamlFailure(e))
        {
            ReportInvalidYaml(e, parser, problems);
            return false;
        }
    }

    /// <summary>
    /// YamlDotNet 18 reports most bad input as <see cref="YamlException"/>, but some (an unclosed '[',
    /// an alias in an odd place) as <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/>.
    /// </summary>
    private static bool IsYamlFailure(Exception e) => e is YamlException or InvalidOperationException or ArgumentException;

    private static void ReportInvalidYaml(Exception e, TrackingParser parser, ProblemCollector problems)
    {
        if (e is YamlException yaml && yaml.Start.Line > 0)
        {
            problems.Add(FileLine(yaml.Start), $"front matter is not valid YAML: {yaml.Message}");
        }
        else
        {
            problems.Add(FileLine(parser.LastStart), "front matter is not valid YAML on this line or above it: check brackets, quotes and '*' or '&' characters");
        }
    }

    private static void ReadKeys(YamlMappingNode mapping, FrontMatter frontMatter, string path, ProblemCollector problems)
    {
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Add(FileLine(keyNode.Start), "front-matter keys must be plain names such as 'id' or 'week'");
                continue;
            }

            if (key.StartsWith(DuplicatePlaceholder, StringComparison.Ordinal))
            {
                continue;
            }

            if (!CardFormat.KnownKeys.Contains(key))
            {
                var suggestion = Suggestions.Closest(key, CardFormat.KnownKeys);
                problems.Add(FileLine(keyNode.Start), suggestion is null
                    ? $"unknown front-matter key '{key}' (known keys: {string.Join(", ", CardFormat.KnownKeys)})"
                    : $"unknown front-matter key '{key}' (did you mean '{suggestion}'?)");
                continue;
            }

            values[key] = value;
            frontMatter.KeyLines[key] = FileLine(keyNode.Start);
        }

        foreach (var key in CardFormat.RequiredKeys.Where(key => !values.ContainsKey(key)))
        {
            problems.Add(1, $"missing required front-matter key '{key}'");
        }

        var reader = new ValueReader(values, frontMatter.KeyLines, problems);
        ReadId(reader, frontMatter);
        ReadKind(reader, frontMatter, path);
        ReadTopic(reader, frontMatter);
        ReadWeek(reader, frontMatter);
        ReadDifficulty(reader, frontMatter);
        ReadTags(reader, frontMatter);
        frontMatter.Title = reader.Scalar("title")?.Trim();
        ReadDataset(reader, frontMatter);
        frontMatter.Retired = ReadBool(reader, "retired");
        ReadSqlFlags(reader, frontMatter);
    }

    private static void ReadId(ValueReader reader, FrontMatter frontMatter)
    {
        if (reader.Scalar("id") is not { } id)
        {
            return;
        }

        if (id.Length > CardFormat.MaxIdLength || !CardFormat.IdPattern().IsMatch(id))
        {
            reader.Problem("id", $"id '{id}' must be lowercase letters, digits and dashes, start with a letter or digit, and be at most {CardFormat.MaxIdLength} characters");
            return;
        }

        frontMatter.Id = id;
    }

    private static void ReadKind(ValueReader reader, FrontMatter frontMatter, string path)
    {
        if (reader.Scalar("kind") is not { } value)
        {
            return;
        }

        if (!CardFormat.TryParseKind(value, out var kind))
        {
            reader.Problem("kind", $"unknown kind '{value}' (valid kinds: {string.Join(", ", CardFormat.KindNames)})");
            return;
        }

        frontMatter.Kind = kind;
        var folder = ContentFiles.TopFolder(path);
        if (folder != CardFormat.KindName(kind))
        {
            reader.Problem("kind", folder is null
                ? $"kind '{value}' card must live in the {value}/ folder"
                : $"kind '{value}' does not match the folder '{folder}/': move the file to {value}/ or fix the kind");
        }
    }

    private static void ReadTopic(ValueReader reader, FrontMatter frontMatter)
    {
        if (reader.Scalar("topic") is not { } topic)
        {
            return;
        }

        if (!CardFormat.SlugPattern().IsMatch(topic))
        {
            reader.Problem("topic", $"topic '{topic}' must be lowercase words joined by dashes, e.g. window-functions");
            return;
        }

        frontMatter.Topic = topic;
    }

    private static void ReadWeek(ValueReader reader, FrontMatter frontMatter)
    {
        if (reader.Scalar("week") is not { } value)
        {
            return;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || week < CardFormat.FirstWeek || week > CardFormat.LastWeek)
        {
            reader.Problem("week", $"week must be a whole number from {CardFormat.FirstWeek} to {CardFormat.LastWeek} (got '{value}')");
            return;
        }

        frontMatter.Week = week;
    }

    private static void ReadDifficulty(ValueReader reader, FrontMatter frontMatter)
    {
        if (reader.Scalar("difficulty") is not { } value)
        {
            return;
        }

        if (!CardFormat.TryParseDifficulty(value, out var difficulty))
        {
            reader.Problem("difficulty", $"difficulty must be easy, medium or hard (got '{value}')");
            return;
        }

        frontMatter.Difficulty = difficulty;
    }

    private static void ReadTags(ValueReader reader, FrontMatter frontMatter)
    {
        switch (reader.Node("tags"))
        {
            case null:
            case YamlScalarNode scalar when ValueReader.IsNull(scalar):
                return;
            case YamlSequenceNode sequence:
                var tags = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode { Value: { } tag } scalar || ValueReader.IsNull(scalar))
                    {
                        reader.Problem(FileLine(item.Start), "each tag must be a single word, e.g. [sql, ranking]");
                    }
                    else if (!CardFormat.SlugPattern().IsMatch(tag))
                    {
                        reader.Problem(FileLine(item.Start), $"tag '{tag}' must be lowercase letters, digits and dashes");
                    }
                    else
                    {
                        tags.Add(tag);
                    }
                }

                frontMatter.Tags = tags;
                return;
            default:
                reader.Problem("tags", "tags must be a list of words, e.g. [sql, ranking]");
                return;
        }
    }

    private static void ReadDataset(ValueReader reader, FrontMatter frontMatter)
    {
        var present = reader.Node("dataset") is not null;
        if (frontMatter.Kind == CardKind.Sql && !present)
        {
            reader.Problem(1, "a sql card needs 'dataset': the dataset its query runs against (datasets/<name>.sql)");
            return;
        }

        if (frontMatter.Kind is { } kind && kind != CardKind.Sql && present)
        {
            reader.Problem("dataset", $"'dataset' is only for sql cards, not {CardFormat.KindName(kind)} cards");
            return;
        }

        if (reader.Scalar("dataset") is not { } dataset)
        {
            return;
        }

        if (!CardFormat.DatasetPattern().IsMatch(dataset))
        {
            reader.Problem("dataset", $"dataset '{dataset}' must be a file name without '.sql' (letters, digits, dashes, underscores)");
            return;
        }

        frontMatter.Dataset = dataset;
    }

    /// <summary>A true/false key; absent or invalid (reported) is false.</summary>
    private static bool ReadBool(ValueReader reader, string key)
    {
        switch (reader.Scalar(key))
        {
            case null:
                return false;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case var value:
                reader.Problem(key, $"{key} must be true or false (got '{value}')");
                return false;
        }
    }

    private static void ReadSqlFlags(ValueReader reader, FrontMatter frontMatter)
    {
        if (frontMatter.Kind is { } kind && kind != CardKind.Sql)
        {
            foreach (var key in CardFormat.SqlFlagKeys.Where(key => reader.Node(key) is not null))
            {
                reader.Problem(key, $"'{key}' is only for sql cards, not {CardFormat.KindName(kind)} cards");
            }

            return;
        }

        frontMatter.Ordered = ReadBool(reader, "ordered");
        frontMatter.ColumnNames = ReadBool(reader, "column_names");
        frontMatter.CaseInsensitive = ReadBool(reader, "case_insensitive");
    }

    private static int FileLine(Mark mark) => (int)mark.Line + YamlFirstFileLine - 1;

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "a single value",
    };

    /// <summary>A YAML parser that remembers where the last event it read starts, to place errors that carry no position.</summary>
    private sealed class TrackingParser(string yaml) : IParser
    {
        private readonly Parser _inner = new(new StringReader(yaml));

        public ParsingEvent? Current => _inner.Current;

        public Mark LastStart { get; private set; } = new(0, 1, 1);

        public bool MoveNext()
        {
            var moved = _inner.MoveNext();
            LastStart = _inner.Current?.Start ?? LastStart;
            return moved;
        }
    }

    /// <summary>Reads the values of known keys, reporting wrong shapes on the key's line.</summary>
    private sealed class ValueReader(
        Dictionary<string, YamlNode> values,
        Dictionary<string, int> keyLines,
        ProblemCollector problems)
    {
        public static bool IsNull(YamlScalarNode scalar) =>
            scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

        public YamlNode? Node(string key) => values.GetValueOrDefault(key);

        /// <summary>The key's text value; null (reported) when it has none or is a list or mapping.</summary>
        public string? Scalar(string key)
        {
            switch (Node(key))
            {
                case null:
                    return null;
                case YamlScalarNode scalar when IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value):
                    Problem(key, $"front-matter key '{key}' has no value");
                    return null;
                case YamlScalarNode scalar:
                    return scalar.Value;
                case var node:
                    Problem(key, $"front-matter key '{key}' must be a single value, not {Describe(node)}");
                    return null;
            }
        }

        public void Problem(string key, string message) => problems.Add(keyLines.GetValueOrDefault(key, 1), message);

        public void Problem(int line, string message) => problems.Add(line, message);
    }
}
