package dev.wedge.scanner.camel;

import org.apache.camel.spi.Metadata;

/** Message headers set by the {@code scanner:} consumer on every exchange. */
public final class ScannerConstants {

    @Metadata(description = "The logical id of the scanner that read the barcode.", javaType = "String")
    public static final String SCANNER_ID = "CamelScannerId";

    @Metadata(description = "The AIM symbology identifier that came with the scan (e.g. ]C1), or empty.",
            javaType = "String")
    public static final String SYMBOLOGY = "CamelScannerSymbology";

    private ScannerConstants() {
    }
}
