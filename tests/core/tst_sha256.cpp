// SHA-256: known answers, and both implementations (SHA extensions, portable) against Qt's.

#include "util/sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace gw;

class TestSha256 : public QObject {
    Q_OBJECT

    static QByteArray hex(const Sha256Digest &d)
    {
        return QByteArray(reinterpret_cast<const char *>(d.data()), 32).toHex();
    }

private Q_SLOTS:
    void knownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("digest");
        // FIPS 180-4 examples, and the empty message.
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    void knownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, digest);
        QCOMPARE(hex(sha256(input.constData(), size_t(input.size()))), digest);
        QCOMPARE(hex(detail::sha256Portable(input.constData(), size_t(input.size()))), digest);
    }

    // Every length around the padding boundaries (55/56/63/64 bytes) and beyond one block.
    void agreesWithQtAtEveryLength()
    {
        QByteArray data(300, Qt::Uninitialized);
        QRandomGenerator rng(1234);
        for (char &c : data)
            c = char(rng.bounded(256));
        for (int n = 0; n <= data.size(); ++n) {
            const QByteArray expected = QCryptographicHash::hash(data.left(n), QCryptographicHash::Sha256).toHex();
            QCOMPARE(hex(detail::sha256Portable(data.constData(), size_t(n))), expected);
            if (detail::sha256HardwareAvailable())
                QCOMPARE(hex(detail::sha256Hardware(data.constData(), size_t(n))), expected);
        }
    }

    // The interleaved pair agrees with single hashes for every combination of lengths, including
    // different block counts and inputs too long to pair.
    void pairAgreesWithSingles()
    {
        QByteArray data(400, Qt::Uninitialized);
        QRandomGenerator rng(99);
        for (char &c : data)
            c = char(rng.bounded(256));
        const QList<int> lengths{0, 1, 40, 55, 56, 63, 64, 100, 119, 120, 183, 184, 250};
        for (int na : lengths) {
            for (int nb : lengths) {
                std::uint32_t a = 0, b = 0;
                sha256FirstWordPair(data.constData(), size_t(na), data.constData() + 7, size_t(nb), a, b);
                QCOMPARE(a, sha256FirstWord(data.constData(), size_t(na)));
                QCOMPARE(b, sha256FirstWord(data.constData() + 7, size_t(nb)));
            }
        }
    }

    void firstWordIsBigEndianPrefix()
    {
        // The contract's worked values: first four bytes of sha256("token-A"/"token-B").
        QCOMPARE(sha256FirstWord("token-A", 7), 4000417282u);
        QCOMPARE(sha256FirstWord("token-B", 7), 398635706u);
    }

    void reportsImplementation()
    {
        const QByteArray name = sha256Implementation();
        QVERIFY(name == "sha-ni" || name == "portable");
        QCOMPARE(name == "sha-ni", detail::sha256HardwareAvailable());
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
