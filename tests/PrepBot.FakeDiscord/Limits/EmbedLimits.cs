using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord.Limits;

/// <summary>Embed limits: title 256, description 4096, 25 fields (256/1024), footer 2048, author 256, 6000 across all embeds.</summary>
internal static class EmbedLimits
{
    public const int MaxEmbeds = 10;
    public const int MaxTotalCharacters = 6000;

    public static void Validate(JsonArray embeds, string path, FormErrors errors)
    {
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is JsonObject embed)
            {
                total += ValidateOne(embed, FormErrors.Join(path, i), errors);
            }
        }

        if (total > MaxTotalCharacters)
        {
            errors.Add(path, "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {MaxTotalCharacters}");
        }
    }

    private static int ValidateOne(JsonObject embed, string path, FormErrors errors)
    {
        var size = Count(Fields.Text(embed, "title", path, errors, max: 256))
            + Count(Fields.Text(embed, "description", path, errors, max: 4096));
        if (embed["footer"] is JsonObject footer)
        {
            size += Count(Fields.Text(footer, "text", FormErrors.Join(path, "footer"), errors, max: 2048, required: true));
        }

        if (embed["author"] is JsonObject author)
        {
            size += Count(Fields.Text(author, "name", FormErrors.Join(path, "author"), errors, max: 256, required: true));
        }

        var fields = Fields.Array(embed, "fields", path, errors, max: 25);
        for (var i = 0; fields is not null && i < fields.Count; i++)
        {
            if (fields[i] is JsonObject field)
            {
                var fieldPath = FormErrors.Join(FormErrors.Join(path, "fields"), i);
                size += Count(Fields.Text(field, "name", fieldPath, errors, max: 256, min: 1, required: true))
                    + Count(Fields.Text(field, "value", fieldPath, errors, max: 1024, min: 1, required: true));
            }
        }

        return size;
    }

    private static int Count(string? text) => text is null ? 0 : Fields.Length(text);
}
