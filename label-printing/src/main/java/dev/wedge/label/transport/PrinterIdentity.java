package dev.wedge.label.transport;

/**
 * Who a printer says it is, read through SGD.
 *
 * @param productName {@code device.product_name}, for example ZT410-203dpi
 * @param uniqueId    {@code device.unique_id}, the serial number
 * @param firmware    {@code appl.name}, the firmware version
 */
public record PrinterIdentity(String productName, String uniqueId, String firmware) {

    public PrinterIdentity {
        if (productName == null || uniqueId == null || firmware == null) {
            throw new IllegalArgumentException("printer identity has a missing part: " + productName + ", " + uniqueId
                    + ", " + firmware);
        }
    }
}
