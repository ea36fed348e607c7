using System.Security.Cryptography;
using System.Text.Json;
using PrepBot.Discord.Models;

namespace PrepBot.Discord.Rest;

/// <summary>
/// A stable hash of command definitions: SHA-256 over a canonical JSON of the fields PrepBot sets (type, name,
/// description, options with choices and bounds, default_member_permissions, contexts, nsfw), commands sorted by
/// type and name, Discord's defaults filled in. Fields only Discord sets (id, version, application_id) are left out,
/// so the commands Discord returns hash the same as the definitions that registered them.
/// </summary>
public static class ApplicationCommandHash
{
    public static string Compute(IEnumerable<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var command in commands.OrderBy(c => (int)(c.Type ?? ApplicationCommandType.ChatInput)).ThenBy(c => c.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteNumber("type", (int)(command.Type ?? ApplicationCommandType.ChatInput));
                writer.WriteString("name", command.Name);
                writer.WriteString("description", command.Description);
                writer.WriteString("default_member_permissions", command.DefaultMemberPermissions is { } permissions ? ((ulong)permissions).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
                writer.WriteStartArray("contexts");
                foreach (var context in (command.Contexts ?? []).Select(c => (int)c).Order())
                {
                    writer.WriteNumberValue(context);
                }

                writer.WriteEndArray();
                writer.WriteBoolean("nsfw", command.Nsfw ?? false);
                WriteOptions(writer, command.Options);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteOptions(Utf8JsonWriter writer, IReadOnlyList<ApplicationCommandOption>? options)
    {
        writer.WriteStartArray("options");
        foreach (var option in options ?? [])
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", (int)option.Type);
            writer.WriteString("name", option.Name);
            writer.WriteString("description", option.Description);
            writer.WriteBoolean("required", option.Required ?? false);
            writer.WriteBoolean("autocomplete", option.Autocomplete ?? false);
            WriteNumber(writer, "min_value", option.MinValue);
            WriteNumber(writer, "max_value", option.MaxValue);
            WriteNumber(writer, "min_length", option.MinLength);
            WriteNumber(writer, "max_length", option.MaxLength);
            writer.WriteStartArray("channel_types");
            foreach (var type in (option.ChannelTypes ?? []).Select(t => (int)t).Order())
            {
                writer.WriteNumberValue(type);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("choices");
            foreach (var choice in option.Choices ?? [])
            {
                writer.WriteStartObject();
                writer.WriteString("name", choice.Name);
                writer.WritePropertyName("value");
                var value = choice.Value is JsonElement element ? element : JsonSerializer.SerializeToElement(choice.Value, DiscordJson.Options);
                if (value.ValueKind == JsonValueKind.Number)
                {
                    writer.WriteNumberValue(value.GetDouble());
                }
                else
                {
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteOptions(writer, option.Options);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
