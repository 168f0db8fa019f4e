/**
 * Lào Cai's plan implementing the national low-emission crop scheme (Decision 4024/QĐ-BNNMT of
 * 29/9/2025), transcribed from ../shared/seeds/001_5298d7277a2b4ec2.txt: the 2035 targets of section
 * II.1, the 2050 vision of II.2, the figures of section III and the appendix table of low-emission
 * products (Phụ biểu "Phát triển các sản phẩm trồng trọt phát thải thấp"). The plan's own number is
 * blank in the source ("Kế hoạch số: /KH-UBND ngày /10/2025"); it was signed digitally on 26/12/2025.
 *
 * Two figures of the text differ from the appendix: section III.2 aims at 6,050 ha of temperate fruit
 * and 7,500 ha of citrus by 2035, the appendix at 5,000 ha each. The appendix figures are the targets
 * here (the issue names the product table); the text's figures are kept in the indicators' notes.
 * Place names are as written in the source (the rice zone list names some communes twice; kept once).
 */
import type { SeedIndicator, SeedPlan } from './seed-plan.ts';

const DOC = 'seeds/001_5298d7277a2b4ec2.txt (KH triển khai Đề án 4024 tỉnh Lào Cai)';
const APPENDIX = `${DOC}, Phụ biểu "Phát triển các sản phẩm trồng trọt phát thải thấp"`;
const LEAD = 'Sở Nông nghiệp và Môi trường; Ủy ban nhân dân các xã, phường liên quan';
const APPENDIX_NOTE = {
  vi: 'Phụ biểu không ghi năm; kỳ kế hoạch đến năm 2035 nên chỉ tiêu được đặt cho năm 2035.',
  en: 'The appendix gives no year; the plan runs to 2035, so the target is set for 2035.',
};

function product(
  code: string,
  row: number,
  nameVi: string,
  nameEn: string,
  areaHa: number,
  asWritten: string,
  computation: SeedIndicator['computation'],
  details: { zones: string; techniques: string },
  params?: SeedIndicator['params'],
  note?: { vi: string; en: string },
): SeedIndicator {
  return {
    code: `lc.product.${code}`,
    section: `Phụ biểu, dòng ${row}`,
    nameVi,
    nameEn,
    unit: 'ha',
    direction: 'increase',
    computation,
    ...(params ? { params } : {}),
    source: `${APPENDIX}, dòng ${row}`,
    note: note ? { vi: `${APPENDIX_NOTE.vi} ${note.vi}`, en: `${APPENDIX_NOTE.en} ${note.en}` } : APPENDIX_NOTE,
    details: { productionZones: details.zones, techniques: details.techniques, leadAgency: LEAD, appendixRow: row },
    targets: [{ year: 2035, comparator: 'gte', value: areaHa, asWritten }],
  };
}

export const laoCaiLowEmissionPlan: SeedPlan = {
  code: 'lao-cai-4024-low-emission-crops',
  nameVi: 'Kế hoạch triển khai Đề án “Sản xuất giảm phát thải lĩnh vực trồng trọt giai đoạn 2025-2035, tầm nhìn đến 2050” trên địa bàn tỉnh Lào Cai',
  nameEn: 'Lào Cai plan implementing the scheme "Low-emission crop production 2025–2035, vision to 2050"',
  issuingBody: 'Ủy ban nhân dân tỉnh Lào Cai',
  decisionNumber: null,
  legalBasis: 'Quyết định 4024/QĐ-BNNMT ngày 29/9/2025 của Bộ Nông nghiệp và Môi trường',
  scopeLevel: 'province',
  provinceCode: '15',
  communeCode: null,
  periodStartYear: 2025,
  periodEndYear: 2035,
  reportDue: { month: 12, day: 10, source: `${DOC}, mục V (đoạn cuối): "định kỳ trước ngày 10/12 hằng năm … báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường"` },
  sourceDocument: DOC,
  descriptionVi: 'Mục tiêu đến năm 2035 (mục II.1), tầm nhìn 2050 (mục II.2), nhiệm vụ (mục III) và Phụ biểu sản phẩm trồng trọt phát thải thấp.',
  descriptionEn: 'Targets to 2035 (section II.1), the 2050 vision (II.2), tasks (III) and the appendix of low-emission crop products.',
  indicators: [
    {
      code: 'lc.ghg_reduction_vs_2020',
      section: 'II.1 (1)',
      nameVi: 'Giảm tổng lượng phát thải khí nhà kính lĩnh vực trồng trọt so với năm cơ sở 2020',
      nameEn: 'Reduction of total crop-production GHG emissions against the 2020 base year',
      unit: '%',
      direction: 'increase',
      computation: 'computed:ghg_reduction_vs_base_year_pct',
      source: `${DOC}, mục II.1 (1): "giảm ít nhất 15% tổng lượng phát thải khí nhà kính (CO2tđ) so với năm cơ sở 2020"`,
      note: {
        vi: 'Cần nhập tổng phát thải năm cơ sở 2020 của tỉnh (t CO2tđ, theo kiểm kê) làm giá trị cơ sở; kế hoạch không nêu con số này.',
        en: 'Needs the province\'s 2020 base-year total (t CO2e, from the inventory) as the baseline; the plan does not state it.',
      },
      targets: [{ year: 2035, comparator: 'gte', value: 15, asWritten: 'ít nhất 15%' }],
    },
    {
      code: 'lc.low_emission_rice_share',
      section: 'II.1 (2)',
      nameVi: 'Tỷ lệ diện tích gieo trồng lúa áp dụng biện pháp kỹ thuật canh tác lúa giảm phát thải',
      nameEn: 'Share of sown rice area applying low-emission rice techniques',
      unit: '%',
      direction: 'increase',
      computation: 'computed:low_emission_share_pct',
      params: { crop: 'rice' },
      source: `${DOC}, mục II.1 (2): "Phấn đấu 70% diện tích gieo trồng lúa áp dụng các biện pháp kỹ thuật canh tác lúa giảm phát thải"`,
      targets: [{ year: 2035, comparator: 'gte', value: 70, asWritten: '70%' }],
    },
    {
      code: 'lc.iphm_share',
      section: 'II.1 (2)',
      nameVi: 'Tỷ lệ diện tích cây trồng cạn ứng dụng quản lý sức khỏe cây trồng tổng hợp (IPHM)',
      nameEn: 'Share of upland crop area applying integrated plant health management (IPHM)',
      unit: '%',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.1 (2): "60% diện tích cây trồng cạn ứng dụng kỹ thuật quản lý sức khỏe cây trồng tổng hợp IPHM"`,
      note: { vi: 'Nhật ký đồng ruộng chưa ghi nhận IPHM: giá trị được nhập kèm nguồn.', en: 'The diary does not record IPHM: the value is entered with its source.' },
      targets: [{ year: 2035, comparator: 'gte', value: 60, asWritten: '60%' }],
    },
    {
      code: 'lc.low_emission_label_products',
      section: 'II.1 (3)',
      nameVi: 'Số sản phẩm trồng trọt chủ lực có nhãn hiệu “Phát thải thấp”',
      nameEn: 'Key crop products carrying the "Low emission" label',
      unit: 'products',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.1 (3): "Xây dựng và phát triển nhãn hiệu “Phát thải thấp” cho 1 - 2 sản phẩm"`,
      targets: [{ year: 2035, comparator: 'gte', value: 1, asWritten: '1 - 2 sản phẩm' }],
    },
    {
      code: 'lc.replicable_models',
      section: 'II.1 (4)',
      nameVi: 'Số mô hình sản xuất trồng trọt giảm phát thải có khả năng nhân rộng',
      nameEn: 'Replicable low-emission crop production models',
      unit: 'models',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.1 (4): "ít nhất 1 - 2 mô hình sản xuất trồng trọt giảm phát thải có khả năng nhân rộng"`,
      targets: [{ year: 2035, comparator: 'gte', value: 1, asWritten: 'ít nhất 1 - 2 mô hình' }],
    },
    {
      code: 'lc.technical_packages',
      section: 'II.1 (5)',
      nameVi: 'Số gói kỹ thuật sản xuất giảm phát thải được phổ biến, áp dụng',
      nameEn: 'Low-emission technical packages disseminated and applied',
      unit: 'packages',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.1 (5): "Phổ biến và áp dụng ít nhất 1-2 gói kỹ thuật sản xuất giảm phát thải"`,
      targets: [{ year: 2035, comparator: 'gte', value: 1, asWritten: 'ít nhất 1-2 gói kỹ thuật' }],
    },
    {
      code: 'lc.training_coverage',
      section: 'II.1 (7)',
      nameVi: 'Tỷ lệ cán bộ kỹ thuật cơ sở, khuyến nông, nông dân nòng cốt, doanh nghiệp được đào tạo, tập huấn',
      nameEn: 'Share of local technical staff, extension staff, core farmers and enterprises trained',
      unit: '%',
      direction: 'increase',
      computation: 'computed:training_coverage_pct',
      params: { roles: ['technical_staff', 'extension_officer', 'core_farmer', 'enterprise'] },
      source: `${DOC}, mục II.1 (7): "đào tạo, tập huấn … cho 100% cán bộ kỹ thuật cơ sở, khuyến nông, nông dân nòng cốt, doanh nghiệp trên địa bàn tỉnh"`,
      note: {
        vi: 'Tính từ các lớp tập huấn đã ghi nhận so với số người cần đào tạo theo từng đối tượng (nhập ở phần Chương trình).',
        en: 'Computed from the recorded training events against the number of people of each role to be trained (set under Programme).',
      },
      targets: [{ year: 2035, comparator: 'gte', value: 100, asWritten: '100%' }],
    },
    {
      code: 'lc.mrv_model_area',
      section: 'III.3',
      nameVi: 'Quy mô mô hình sản xuất lúa được đo đạc, báo cáo, thẩm định (MRV)',
      nameEn: 'Area of rice models under measurement, reporting and verification (MRV)',
      unit: 'ha',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục III.3: "ít nhất 1-2 mô hình được đo đạc, báo cáo, thẩm định (MRV) … với quy mô khoảng 4.000 ha"`,
      targets: [{ year: 2035, comparator: 'gte', value: 4000, asWritten: 'khoảng 4.000 ha' }],
    },
    {
      code: 'lc.organic_tea_area',
      section: 'III.2',
      nameVi: 'Diện tích vùng chè hữu cơ',
      nameEn: 'Organic tea area',
      unit: 'ha',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục III.2: "duy trì và mở rộng vùng chè hữu cơ đạt trên 2.500 ha tại các xã Bản Liền, Phình Hồ, Sơn Lương, Văn Chấn"`,
      note: { vi: 'Văn bản không ghi năm; đặt theo kỳ kế hoạch (2035).', en: 'No year given; set at the plan horizon (2035).' },
      targets: [{ year: 2035, comparator: 'gt', value: 2500, asWritten: 'trên 2.500 ha' }],
    },
    {
      code: 'lc.converted_area',
      section: 'III.2',
      nameVi: 'Diện tích đất nông nghiệp kém hiệu quả chuyển đổi sang cây ăn quả, cây lâu năm',
      nameEn: 'Low-yield farmland converted to fruit and perennial crops',
      unit: 'ha',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục III.2: "Đến năm 2035, dự kiến chuyển đổi khoảng 2.500ha đất nông nghiệp kém hiệu quả (trong đó có diện tích lúa nước)"`,
      targets: [{ year: 2035, comparator: 'gte', value: 2500, asWritten: 'khoảng 2.500 ha' }],
    },
    {
      code: 'lc.key_crop_sustainable_share',
      section: 'II.2 (1)',
      nameVi: 'Tỷ lệ diện tích cây trồng chủ lực áp dụng quy trình canh tác bền vững',
      nameEn: 'Share of key crop area under sustainable cultivation processes',
      unit: '%',
      direction: 'increase',
      computation: 'computed:sustainable_share_pct',
      source: `${DOC}, mục II.2 (1): "Toàn tỉnh phấn đấu 100% diện tích cây trồng chủ lực áp dụng quy trình canh tác bền vững"`,
      targets: [{ year: 2050, comparator: 'gte', value: 100, asWritten: '100% (tầm nhìn 2050)' }],
    },
    {
      code: 'lc.label_sectors',
      section: 'II.2 (2)',
      nameVi: 'Số ngành hàng nông sản chủ lực có nhãn hiệu “Phát thải thấp”',
      nameEn: 'Key farm product sectors with the "Low emission" label',
      unit: 'products',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.2 (2): "xây dựng và phổ cập nhãn hiệu “Phát thải thấp” cho ít nhất 3-5 ngành hàng nông sản chủ lực"`,
      targets: [{ year: 2050, comparator: 'gte', value: 3, asWritten: 'ít nhất 3-5 ngành hàng (tầm nhìn 2050)' }],
    },
    product('rice', 1, 'Lúa nước: diện tích áp dụng kỹ thuật giảm phát thải', 'Paddy rice: area under low-emission techniques', 36000, '36.000 ha', 'computed:low_emission_cultivated_area_ha', {
      zones: 'Tú Lệ, Liên Sơn, P. Trung Tâm, P. Cầu Thia, Văn Chấn, Đông Cuông, Mậu A, Xuân Ái, Lâm Thượng, Lục Yên, Mường Lai, Thác Bà, Bảo Ái, Trấn Yên, Lương Thịnh, Bảo Yên, Bảo Hà, Nghĩa Đô, Xuân Hòa, Bảo Thắng, Gia Phú, Tằng Lỏong, Văn Bàn, Võ Lao, Khánh Yên, Dương Quỳ, Minh Lương, Hợp Thành, Dền Sáng, Trịnh Tường, Bản Xèo, Bát Xát, Xuân Quang, Mường Bo, Bắc Hà, Bản Lầu',
      techniques: 'Tưới khô ướt xen kẽ (AWD), SRI, 3 giảm 3 tăng, 1 phải 5 giảm, rút nước giữa vụ; phân hữu cơ, giống năng suất cao; giảm phân đạm, thuốc BVTV tổng hợp; mô hình xử lý rơm rạ',
    }, { crop: 'rice' }),
    product('safe_vegetables', 2, 'Rau an toàn, rau hữu cơ', 'Safe and organic vegetables', 2000, '2.000 ha', 'computed:cultivated_area_ha', {
      zones: 'P. Âu Lâu, P. Văn Phú, Mậu A, Xuân Ái, Lục Yên, Trấn Yên, P. Trung Tâm, P. Cầu Thia, Bắc Hà, Si Ma Cai, Mường Khương',
      techniques: 'VietGAP/hữu cơ; tưới nhỏ giọt, phân hữu cơ, quản lý sâu bệnh sinh học; phụ phẩm làm phân compost',
    }, { cropKind: 'vegetable' }, { vi: 'Tính bằng diện tích các thửa có vụ rau trong năm.', en: 'Computed as the area of plots with a vegetable season in the year.' }),
    product('tea', 3, 'Chè', 'Tea', 15000, '15.000 ha', 'computed:cultivated_area_ha', {
      zones: 'Mường Khương, Pha Long, Bản Lầu, Cao Sơn, Mường Hum, A Mú Sung, Bảo Yên, Xuân Hòa, Phong Hải, Tằng Loong, Bản Liền, Tả Củ Tỷ, Gia Hội, Văn Chấn, Chấn Thịnh, Nghĩa Tâm',
      techniques: 'Phân bón hữu cơ vi sinh, quản lý cỏ bằng cơ học, tận dụng phụ phẩm làm phân; sấy chè bằng năng lượng mặt trời',
    }, { crop: 'tea' }),
    product('temperate_fruit', 4, 'Cây ăn quả ôn đới', 'Temperate fruit', 5000, '5.000 ha', 'entered', {
      zones: 'Bắc Hà, Si Ma Cai, P. Sa Pa, Tả Van Chư, P. Trung Tâm, Hạnh Phúc, Phình Hồ, Trạm Tấu',
      techniques: 'Canh tác hữu cơ, tủ gốc giữ ẩm, bón phân sinh học; phụ phẩm làm phân compost',
    }, undefined, { vi: 'Mục III.2 của văn bản ghi 6.050 ha cây ăn quả ôn đới đến năm 2035.', en: 'Section III.2 of the text gives 6,050 ha of temperate fruit by 2035.' }),
    product('medicinal_plants', 5, 'Cây dược liệu', 'Medicinal plants', 5000, '5.000 ha', 'entered', {
      zones: 'Bát Xát, Ý Tý, Bản Xèo, Sa Pa, Ngũ Chỉ Sơn, Tả Phìn, Tả Củ Tỷ, Lùng Phình, Si Ma Cai, Sín Chéng, Nậm Có, Lao Chải, Khao Mang, Mù Cang Chải, Púng Luông, Hạnh Phúc, Thượng Bằng La',
      techniques: 'Tiêu chuẩn GACP-WHO, không dùng phân hóa học, thuốc BVTV tổng hợp; tưới tiết kiệm',
    }),
    product('banana_pineapple', 6, 'Cây chuối, dứa', 'Banana and pineapple', 6000, '6.000 ha', 'entered', {
      zones: 'Bản Lầu, Bảo Yên, Trịnh Tường, A Mú Sung, Phong Hải, Bảo Thắng, P. Lào Cai, Bảo Hà, Xuân Ái',
      techniques: 'Tưới tiết kiệm, phân hữu cơ, không đốt phụ phẩm; quản lý cỏ, sâu bệnh sinh học',
    }, undefined, { vi: 'Mục III.2 ghi khoảng 3.000 ha chuối và 3.000 ha dứa.', en: 'Section III.2 gives about 3,000 ha of banana and 3,000 ha of pineapple.' }),
    product('citrus', 7, 'Cây ăn quả có múi', 'Citrus', 5000, '5.000 ha', 'entered', {
      zones: 'Mường Khương, Bản Lầu, Bảo Yên, Trịnh Tường, A Mú Sung, Phong Hải, Bảo Thắng, P. Lào Cai, Xuân Quang, Khánh Yên, Bảo Hà, Cát Thịnh, Thượng Bằng La, Chấn Thịnh, Khánh Hòa, Thác Bà',
      techniques: 'Tái sử dụng phụ phẩm, phân compost, khí sinh học; quản lý cỏ, sâu bệnh sinh học',
    }, undefined, { vi: 'Mục III.2 ghi 7.500 ha cây có múi đến năm 2035.', en: 'Section III.2 gives 7,500 ha of citrus by 2035.' }),
  ],
  tasks: [
    {
      code: 'V.report',
      groupCode: 'V',
      groupTitle: 'Tổ chức thực hiện',
      title: 'Báo cáo kết quả thực hiện Kế hoạch về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo Bộ Nông nghiệp và Môi trường, UBND tỉnh',
      leadAgency: 'Các sở, ban, ngành; UBND các xã, phường',
      partnerAgencies: 'Sở Nông nghiệp và Môi trường (tổng hợp)',
      expectedResult: 'Báo cáo năm',
      deadlineText: 'Trước ngày 10/12 hằng năm',
      dueOn: '2025-12-10',
      recurrence: 'yearly',
      source: `${DOC}, mục V (đoạn cuối)`,
    },
  ],
};
