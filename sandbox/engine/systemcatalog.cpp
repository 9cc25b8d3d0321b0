#include "systemcatalog.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace sandbox::systemcatalog {

namespace {

const QHash<QString, QString> &etypeShortcodes()
{
    static const QHash<QString, QString> codes {
        {u"$users"_s, u"us"_s},
        {u"$magicCodes"_s, u"mc"_s},
        {u"$userRefreshTokens"_s, u"ur"_s},
        {u"$files"_s, u"fi"_s},
    };
    return codes;
}

const QHash<QString, QString> &labelShortcodes()
{
    static const QHash<QString, QString> codes {
        {u"$user"_s, u"user"_s},
        {u"codeHash"_s, u"codehash"_s},
        {u"content-disposition"_s, u"cdisp"_s},
        {u"content-type"_s, u"ctype"_s},
        {u"email"_s, u"email"_s},
        {u"hashedToken"_s, u"hashedtok"_s},
        {u"id"_s, u"id"_s},
        {u"imageURL"_s, u"imageurl"_s},
        {u"key-version"_s, u"kv"_s},
        {u"linkedGuestUsers"_s, u"lgu"_s},
        {u"linkedPrimaryUser"_s, u"lpu"_s},
        {u"location-id"_s, u"lid"_s},
        {u"path"_s, u"path"_s},
        {u"size"_s, u"size"_s},
        {u"type"_s, u"type"_s},
        {u"url"_s, u"url"_s},
    };
    return codes;
}

// Five bits per character from a 27-letter alphabet, padded with ones to 64 bits.
quint64 encodeString(const QString &input)
{
    static const QString alphabet = u"abcdefghijklmnopqrstuvwxzy/"_s;
    quint64 bits = 0;
    int used = 0;
    for (const QChar c : input) {
        bits = (bits << 5) | quint64(alphabet.indexOf(c));
        used += 5;
    }
    for (; used < 64; ++used) {
        bits = (bits << 1) | 1u;
    }
    return bits;
}

QUuid systemUuid(const QString &type, const QString &etype, const QString &label)
{
    const QString shortEtype = etypeShortcodes().value(etype);
    const QString shortLabel = etypeShortcodes().value(label, labelShortcodes().value(label));
    const quint64 high = encodeString(u"system"_s + type);
    const quint64 low = encodeString(shortEtype + u'/' + shortLabel);
    uchar bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = uchar(high >> (56 - 8 * i));
        bytes[8 + i] = uchar(low >> (56 - 8 * i));
    }
    return QUuid::fromRfc4122(QByteArrayView(bytes, 16));
}

struct Props {
    bool unique = false;
    bool indexed = false;
    bool required = false;
    QString type;
};

Attr makeAttr(const QString &etype, const QString &label, const Props &props)
{
    Attr attr;
    attr.id = systemUuid(u"at"_s, etype, label);
    attr.forwardIdentId = systemUuid(u"id"_s, etype, label);
    attr.etype = etype;
    attr.label = label;
    attr.unique = props.unique;
    attr.indexed = props.indexed;
    attr.required = props.required;
    attr.checkedDataType = props.type;
    attr.system = true;
    return attr;
}

Attr makeLink(
    const QString &etype, const QString &label, const QString &targetEtype, const QString &reverseLabel, bool indexed)
{
    Attr attr = makeAttr(etype, label, {false, indexed, false, {}});
    attr.isRef = true;
    attr.reverseIdentId = systemUuid(u"id"_s, targetEtype, reverseLabel);
    attr.reverseEtype = targetEtype;
    attr.reverseLabel = reverseLabel;
    attr.onDelete = u"cascade"_s;
    return attr;
}

} // namespace

QList<Attr> attrs()
{
    const QString users = u"$users"_s;
    const QString codes = u"$magicCodes"_s;
    const QString tokens = u"$userRefreshTokens"_s;
    const QString files = u"$files"_s;
    const QString string = u"string"_s;
    const QString number = u"number"_s;
    return {
        makeAttr(users, u"id"_s, {true, true, false, {}}),
        makeAttr(users, u"email"_s, {true, true, false, string}),
        makeAttr(users, u"type"_s, {false, false, false, string}),
        makeAttr(users, u"imageURL"_s, {false, false, false, string}),
        makeLink(users, u"linkedPrimaryUser"_s, users, u"linkedGuestUsers"_s, false),
        makeAttr(codes, u"id"_s, {true, true, false, {}}),
        makeAttr(codes, u"codeHash"_s, {false, true, false, string}),
        makeAttr(codes, u"email"_s, {false, true, false, string}),
        makeLink(codes, u"$user"_s, users, codes, true),
        makeAttr(tokens, u"id"_s, {true, true, false, {}}),
        makeAttr(tokens, u"hashedToken"_s, {true, true, false, string}),
        makeLink(tokens, u"$user"_s, users, tokens, true),
        makeAttr(files, u"id"_s, {true, true, false, {}}),
        makeAttr(files, u"path"_s, {true, true, true, string}),
        makeAttr(files, u"size"_s, {false, true, true, number}),
        makeAttr(files, u"content-type"_s, {false, true, false, string}),
        makeAttr(files, u"content-disposition"_s, {false, true, false, string}),
        makeAttr(files, u"location-id"_s, {true, true, true, string}),
        makeAttr(files, u"key-version"_s, {false, false, false, number}),
        makeAttr(files, u"url"_s, {false, false, false, string}),
    };
}

bool isSystemEtype(const QString &etype)
{
    static const QStringList etypes {u"$users"_s, u"$magicCodes"_s, u"$userRefreshTokens"_s, u"$oauthProviders"_s,
        u"$oauthUserLinks"_s, u"$oauthClients"_s, u"$oauthCodes"_s, u"$oauthRedirects"_s, u"$files"_s, u"$streams"_s};
    return etypes.contains(etype);
}

bool isVisibleSystemEtype(const QString &etype)
{
    return etype == u"$users"_s || etype == u"$files"_s || etype == u"$streams"_s;
}

} // namespace sandbox::systemcatalog
