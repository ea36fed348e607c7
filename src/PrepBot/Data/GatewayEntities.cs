using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PrepBot.Data;

/// <summary>
/// One Discord identify bucket (<c>shard_id % max_concurrency</c>) and when a shard of it last identified, shared by every
/// process of the bot so that one identify per bucket per 5 seconds holds across them. Owned by <c>IdentifyBucketStore</c>.
/// </summary>
public sealed class IdentifyBucket
{
    public int Bucket { get; set; }

    public DateTimeOffset LastIdentifyAt { get; set; }
}

internal sealed class IdentifyBucketConfiguration : IEntityTypeConfiguration<IdentifyBucket>
{
    public void Configure(EntityTypeBuilder<IdentifyBucket> builder)
    {
        builder.ToTable("IdentifyBuckets");
        builder.HasKey(b => b.Bucket);
        builder.Property(b => b.Bucket).ValueGeneratedNever();
    }
}
