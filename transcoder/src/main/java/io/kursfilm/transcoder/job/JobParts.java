package io.kursfilm.transcoder.job;

import io.kursfilm.storage.field.FieldCipher;
import io.kursfilm.storage.keys.TenantGate;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.hls.HlsTranscoder;
import io.kursfilm.transcoder.loopback.LoopbackServer;
import io.kursfilm.transcoder.probe.InputProbe;

/**
 * What a transcode job is made of; the application and the standalone worker wire it alike. The
 * gate must be the one behind {@code sealed}'s keys: the job asks it whether a failure was its
 * tenant closing. The field cipher seals the media hash a job reports (its keys are the gated ones
 * too); sealing needs no tenant index key, so a worker builds it from its key store alone.
 */
public record JobParts(
    ObjectStore store,
    SealedObjects sealed,
    SealedChunks chunks,
    LoopbackServer loopback,
    InputProbe probe,
    HlsTranscoder transcoder,
    OutcomePort outcomes,
    Workspace workspace,
    TenantGate gate,
    FieldCipher cipher) {}
