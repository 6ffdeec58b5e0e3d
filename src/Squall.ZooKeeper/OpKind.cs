namespace Squall.ZooKeeper;

/// <summary>The kinds of operation a multi transaction can hold.</summary>
public enum OpKind
{
    Create,
    Delete,
    SetData,
    Check,
}
