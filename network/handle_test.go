package network

import (
	"slices"
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		own  string
		want []string
	}{
		{"wechat after 微信 with full-width colon", "奥罗拉蛋白粉 原单 微信：Aurora_VIP8 包邮", "", []string{"wechat:aurora_vip8"}},
		{"wechat in full-width letters", "加ＶＸ：ａｕｒｏｒａ＿ｖｉｐ８ 咨询", "", []string{"wechat:aurora_vip8"}},
		{"spaced-out label", "加 微 信 号：gz_aurora88", "", []string{"wechat:gz_aurora88"}},
		{"V信 label", "工厂直供 V信 hk-beauty2024 拿货价", "", []string{"wechat:hkbeauty2024"}},
		{"id spelt out a character at a time", "更多优惠 微信 k a n g y u a n 8 8 6 6 ，拍前咨询。", "", []string{"wechat:kangyuan8866"}},
		{"dash added to the id", "老客户回购请➕V：KangYuan-8866", "", []string{"wechat:kangyuan8866"}},
		{"label after the id in brackets", "ｋａｎｇｙｕａｎ８８６６（微信同号）一件代发", "", []string{"wechat:kangyuan8866"}},
		{"a payment method in brackets is no label", "gift package2 (微信支付可用)", "", nil},
		{"a word without a digit is no id", "gift package (微信)", "", nil},
		{"vx with space", "原单 尾单 vx abc12345 量大从优", "", []string{"wechat:abc12345"}},
		{"wechat id that is a mobile number is a phone", "微信同号 微信:138 1234 5678", "", []string{"phone:+8613812345678"}},
		{"spaced mobile", "订货电话 1 3 8 1 2 3 4 5 6 7 8", "", []string{"phone:+8613812345678"}},
		{"full-width mobile", "手机：１３８１２３４５６７８", "", []string{"phone:+8613812345678"}},
		{"dashed mobile after price", "¥88 138-1234-5678 同微", "", []string{"phone:+8613812345678"}},
		{"mobile with +86", "call +86 139 0000 1111 now", "", []string{"phone:+8613900001111"}},
		{"chinese numerals", "加我 幺三八 一二三四 五六七八", "", []string{"phone:+8613812345678"}},
		{"circled digits fold", "电话 ①③⑧①②③④⑤⑥⑦⑧", "", []string{"phone:+8613812345678"}},
		{"labelled landline", "客服热线：021-5888 1234", "", []string{"phone:02158881234"}},
		{"a 400 service line is no handle", "客服热线 400-820-5566", "", nil},
		{"qq", "蛋白粉 QQ：12345 678 批发", "", []string{"qq:12345678"}},
		{"qq as 扣扣", "扣扣 987654321", "", []string{"qq:987654321"}},
		{"qq as a bare Q and a colon, in numerals", "重新上架 有事找Q：二八七六五五一九零三", "", []string{"qq:2876551903"}},
		{"a bare Q without a colon is no label", "Q10 coenzyme 2876551903", "", nil},
		{"a question in an FAQ is no QQ", "Q: 30 tablets or 60? A: 60", "", nil},
		{"telegram label", "Telegram: @AuroraFactory price list", "", []string{"telegram:aurorafactory"}},
		{"telegram link", "join https://t.me/aurora_cheap", "", []string{"link:t.me/aurora_cheap", "telegram:aurora_cheap"}},
		{"email", "wholesale: Sales.Aurora@Example.COM", "", []string{"email:sales.aurora@example.com"}},
		{"external shop link without scheme", "更多款式 shop123456.taobao.com 进店", "", []string{"link:shop123456.taobao.com"}},
		{"weidian link keeps its shop id, drops tracking", "https://weidian.com/?userid=1234567&spm=a.b.c", "", []string{"link:weidian.com?userid=1234567"}},
		{"own marketplace link is not a handle", "see http://127.0.0.1:8931/item/77", "127.0.0.1", nil},
		{"no handle in a plain title", "Aurora Plant Protein Powder 500g vitamin v complex 2 tins", "", nil},
		{"a price and weight are not a phone", "蛋白粉 500克 ¥298.00 12瓶 2024-05-01", "", nil},
		{"wechat followed by a generic word", "wechat: official account only", "", nil},
		{"three chinese numerals stay words", "三八节 一二三 特惠", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range Extract(tt.text, tt.own) {
				got = append(got, h.String())
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Extract(%q) = %q, want %q", tt.text, got, want)
			}
		})
	}
}

func TestFoldWidth(t *testing.T) {
	if got := Fold("ＷＸ：ＡＢＣ　１２３"); got != "wx:abc 123" {
		t.Errorf("Fold = %q", got)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"微信：Aurora_VIP8", "1 3 8 1 2 3 4 5 6 7 8", "手机：１３８１２３４５６７８", "QQ 12345",
		"t.me/abcde", "a@b.cn", "https://weidian.com/?userid=1", "幺三八一二三四五六七八", "\xff\xfe微信",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		hs := Extract(s, "")
		seen := map[Handle]bool{}
		for _, h := range hs {
			if h.Value == "" || h.Kind == "" {
				t.Fatalf("empty handle %+v from %q", h, s)
			}
			if seen[h] {
				t.Fatalf("handle %v twice from %q", h, s)
			}
			seen[h] = true
			if h.Kind == KindPhone && !strings.HasPrefix(h.Value, "+") && strings.Trim(h.Value, "0123456789") != "" {
				t.Fatalf("phone %q is not digits", h.Value)
			}
			// Folding is idempotent: a handle found in folded text is found again.
			again := Extract(Fold(s), "")
			if !slices.Contains(again, h) {
				t.Fatalf("handle %v from %q lost after folding", h, s)
			}
		}
	})
}
