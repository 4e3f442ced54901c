package io.racklet.boot;

/** Thrown inside the verifier and the blob store; entry points turn it into a {@link Refusal} result. */
public final class BootRefusedException extends Exception {
    private final Refusal refusal;

    public BootRefusedException(Refusal.Reason reason, String message) {
        this(new Refusal(reason, message), null);
    }

    public BootRefusedException(Refusal refusal, Throwable cause) {
        super(refusal.toString(), cause);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
