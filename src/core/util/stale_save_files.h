#pragma once
// Temporary files a killed atomic write leaves beside its target.
//
// QSaveFile (Qt 6.4) writes to an unnamed O_TMPFILE where the file system offers one (ext4,
// tmpfs: a kill leaves nothing), else to "<target>.XXXXXX", the X's six ASCII letters
// (QTemporaryFileName's template), renamed over the target on commit. A process killed between
// the two leaves that file for good. writeFileAtomically() removes the ones of its target older
// than kStaleSaveFileSeconds before writing: a live writer keeps its temp file's modification time
// fresh, and nothing else of ours is named like that. Qt does not lock the file, so age is the test.

#include <QString>

namespace gw {

constexpr int kStaleSaveFileSeconds = 60;

// Removes `target`'s leftover QSaveFile temp files older than `maxAgeSeconds`; returns how many.
int removeStaleSaveFiles(const QString &target, int maxAgeSeconds = kStaleSaveFileSeconds);

} // namespace gw
